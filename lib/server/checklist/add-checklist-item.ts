import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZAddChecklistItem } from './checklist-schemas';

/** A document this case needs beyond the procedure's defaults (a sworn translation, a lease), at the end of the list. */
export async function addChecklistItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.update');
  const { caseId, documentKind, label } = parseInput(ZAddChecklistItem, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    const last = await tx.checklistItem.aggregate({ where: { caseId, firmId: actor.firmId }, _max: { position: true } });
    const item = await tx.checklistItem.create({ data: { firmId: actor.firmId, caseId, documentKind, label, position: (last._max.position ?? -1) + 1 } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'checklist.item_added', entity: 'checklist', entityId: item.id, after: { caseId, documentKind, label }, context });
    return { id: item.id };
  });
}
