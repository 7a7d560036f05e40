import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZRecordPayment = z.object({ feeNoteId: z.string().min(1).max(64), paidOn: ZTypedPlainDate });

/** An issued fee note paid on a date (ISSUED -> PAID); not before it was issued. A credit note has nothing to pay. */
export async function recordFeeNotePayment({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'fee_note.payment');
  const { feeNoteId, paidOn } = parseInput(ZRecordPayment, input);
  return getDb().$transaction(async (tx) => {
    const note = await tx.feeNote.findFirst({ where: { id: feeNoteId, firmId: actor.firmId }, select: { id: true, status: true, issuedOn: true, number: true } });
    if (!note) throw new AppError('NOT_FOUND', { message: `no fee note ${feeNoteId} in firm` });
    if (paidOn < fromDbDate(note.issuedOn)) throw new AppError('VALIDATION', { message: 'paid before issued', details: { fieldErrors: { paidOn: ['beforeIssued'] } } });
    const { count } = await tx.feeNote.updateMany({ where: { id: note.id, firmId: actor.firmId, kind: 'INVOICE', status: 'ISSUED' }, data: { status: 'PAID', paidOn: toDbDate(paidOn) } });
    if (count !== 1) throw new AppError('CONFLICT', { message: `fee note is ${note.status}`, userMessage: 'feeNotes.errors.notIssued' });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.paid', entity: 'fee_note', entityId: note.id, context, before: { status: 'ISSUED' }, after: { status: 'PAID', paidOn, number: note.number } });
    return { id: note.id, status: 'PAID' as const };
  });
}
