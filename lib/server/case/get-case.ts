import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { allowedTransitions } from '@/lib/rules/stage-machine';

/** Everything the case page shows, from one firm only; a case of another firm is simply not found. */
export async function getCase({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  assertCan(actor, 'case.read');
  const db = getDb();
  const kase = await db.case.findFirst({
    where: { id: caseId, firmId: actor.firmId, deletedAt: null },
    include: {
      client: { select: { id: true, firstName: true, lastName: true, fileNumber: true, language: true, citizenship: true, birthDate: true, nationality: true } },
      assignedTo: { select: { id: true, name: true, email: true } },
      deadlines: { where: { status: { not: 'SUPERSEDED' } }, orderBy: [{ dueOn: 'asc' }, { kind: 'asc' }] },
      events: { orderBy: { occurredAt: 'desc' }, take: 100, include: { actor: { select: { name: true, email: true } } } },
      notes: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' }, include: { author: { select: { name: true, email: true } } } },
      checklist: { select: { status: true } },
    },
  });
  if (!kase) throw new AppError('NOT_FOUND');
  const members = await db.membership.findMany({
    where: { firmId: actor.firmId, deactivatedAt: null },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const checklist = kase.checklist.reduce<Record<string, number>>((counts, item) => ({ ...counts, [item.status]: (counts[item.status] ?? 0) + 1 }), {});
  return { ...kase, checklistSummary: checklist, transitions: allowedTransitions(kase.stage, kase.procedure), members: members.map((m) => m.user) };
}
