import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZRemoveFeeItem } from './billing-schemas';

/** Takes an unbilled fixed fee off the case, on the same terms as a time entry (removeTimeEntry). */
export async function removeFeeItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const { feeItemId } = parseInput(ZRemoveFeeItem, input);
  return getDb().$transaction(async (tx) => {
    const item = await tx.feeItem.findFirst({ where: { id: feeItemId, firmId: actor.firmId, deletedAt: null }, select: { id: true, caseId: true, createdById: true, feeNoteId: true, quantity: true, unitCents: true } });
    if (!item) throw new AppError('NOT_FOUND', { message: `no fee item ${feeItemId} in firm` });
    if (item.createdById !== actor.userId && !can(actor.role, 'fee_note.issue')) throw new AppError('FORBIDDEN', { message: "another member's fee item" });
    if (item.feeNoteId) throw new AppError('CONFLICT', { message: 'fee item is billed', userMessage: 'feeNotes.errors.billed' });
    const { count } = await tx.feeItem.updateMany({ where: { id: item.id, firmId: actor.firmId, feeNoteId: null, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count !== 1) throw new AppError('CONFLICT', { message: 'fee item is billed', userMessage: 'feeNotes.errors.billed' });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.fee_removed', entity: 'fee_note', entityId: item.id, context, before: { caseId: item.caseId, quantity: item.quantity, unitCents: item.unitCents } });
    return { id: item.id, caseId: item.caseId };
  });
}
