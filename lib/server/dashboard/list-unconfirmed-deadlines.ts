import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { DASHBOARD_LIST_LIMIT } from './dashboard-scope';

export type UnconfirmedDeadline = { deadlineId: string; caseId: string; reference: string; clientName: string; dueOn: PlainDate; recordedById: string | null };

/**
 * Appeal deadlines still waiting for a second person's check, soonest first, when the firm asks for four eyes.
 * Firm-wide on purpose: the point is that someone other than the case's own advisor looks at them.
 */
export async function listUnconfirmedDeadlines({ actor, limit = DASHBOARD_LIST_LIMIT }: { actor: StaffActor; limit?: number }): Promise<{ required: boolean; items: UnconfirmedDeadline[]; total: number }> {
  assertCan(actor, 'deadline.read');
  const db = getDb();
  const firm = await db.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { requireDeadlineConfirmation: true } });
  if (!firm.requireDeadlineConfirmation) return { required: false, items: [], total: 0 };
  const where = { firmId: actor.firmId, kind: 'APPEAL' as const, status: 'OPEN' as const, confirmedAt: null, case: { deletedAt: null, firmId: actor.firmId } };
  const [rows, total] = await Promise.all([
    db.deadline.findMany({
      where,
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true, caseId: true, dueOn: true, case: { select: { reference: true, client: { select: { firstName: true, lastName: true } }, events: { where: { type: 'TRANSITION', transition: 'REFUSAL_NOTIFIED' }, orderBy: { occurredAt: 'desc' }, take: 1, select: { actorId: true } } } } },
    }),
    db.deadline.count({ where }),
  ]);
  return {
    required: true,
    total,
    items: rows.map((row) => ({ deadlineId: row.id, caseId: row.caseId, reference: row.case.reference, clientName: `${row.case.client.firstName} ${row.case.client.lastName}`, dueOn: fromDbDate(row.dueOn), recordedById: row.case.events[0]?.actorId ?? null })),
  };
}
