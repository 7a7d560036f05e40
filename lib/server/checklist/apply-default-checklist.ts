import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { z } from 'zod';
import { insertDefaultChecklist } from './default-checklist';

export const ZApplyDefaultChecklist = z.object({ caseId: z.string().min(1).max(64) });

/** Adds the procedure's default documents a case does not list yet (cases opened before checklists, or after edits). */
export async function applyDefaultChecklist({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.update');
  const { caseId } = parseInput(ZApplyDefaultChecklist, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true, firmId: true, procedure: true, client: { select: { birthDate: true } } } });
    if (!kase) throw new AppError('NOT_FOUND');
    // Two clicks at once must not list every document twice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checklist:${kase.id}`}))`;
    const added = await insertDefaultChecklist(tx, kase);
    if (added) {
      await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'checklist.item_added', entity: 'checklist', entityId: null, after: { caseId, defaults: added }, context });
    }
    return { added };
  });
}
