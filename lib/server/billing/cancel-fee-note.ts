import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZCancelFeeNote = z.object({ feeNoteId: z.string().min(1).max(64) });

/**
 * Cancels an unpaid fee note (ISSUED -> CANCELLED). The note, its number and its files stay (the series must stay
 * continuous and the record kept); its time and fees become unbilled again, to go on a corrected note.
 */
export async function cancelFeeNote({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'fee_note.payment');
  const { feeNoteId } = parseInput(ZCancelFeeNote, input);
  return getDb().$transaction(async (tx) => {
    const note = await tx.feeNote.findFirst({ where: { id: feeNoteId, firmId: actor.firmId }, select: { id: true, status: true, number: true } });
    if (!note) throw new AppError('NOT_FOUND', { message: `no fee note ${feeNoteId} in firm` });
    const { count } = await tx.feeNote.updateMany({ where: { id: note.id, firmId: actor.firmId, status: 'ISSUED' }, data: { status: 'CANCELLED' } });
    if (count !== 1) throw new AppError('CONFLICT', { message: `fee note is ${note.status}`, userMessage: 'feeNotes.errors.notIssued' });
    const time = await tx.timeEntry.updateMany({ where: { firmId: actor.firmId, feeNoteId: note.id }, data: { feeNoteId: null } });
    const fees = await tx.feeItem.updateMany({ where: { firmId: actor.firmId, feeNoteId: note.id }, data: { feeNoteId: null } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.cancelled', entity: 'fee_note', entityId: note.id, context, before: { status: 'ISSUED' }, after: { status: 'CANCELLED', number: note.number, released: { timeEntries: time.count, feeItems: fees.count } } });
    return { id: note.id, status: 'CANCELLED' as const };
  });
}
