import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZRemoveTimeEntry } from './billing-schemas';

/**
 * Takes an unbilled time entry off the case (soft: the row stays with deletedAt). Anyone who enters time removes
 * their own; someone else's needs the right to issue fee notes. A billed entry is part of an issued note: never.
 */
export async function removeTimeEntry({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const { timeEntryId } = parseInput(ZRemoveTimeEntry, input);
  return getDb().$transaction(async (tx) => {
    const entry = await tx.timeEntry.findFirst({ where: { id: timeEntryId, firmId: actor.firmId, deletedAt: null }, select: { id: true, caseId: true, userId: true, feeNoteId: true, minutes: true, rateCents: true } });
    if (!entry) throw new AppError('NOT_FOUND', { message: `no time entry ${timeEntryId} in firm` });
    if (entry.userId !== actor.userId && !can(actor.role, 'fee_note.issue')) throw new AppError('FORBIDDEN', { message: "another member's time entry" });
    if (entry.feeNoteId) throw new AppError('CONFLICT', { message: 'time entry is billed', userMessage: 'feeNotes.errors.billed' });
    // The feeNoteId condition inside the update: an issue that bills it at the same moment wins, and this fails.
    const { count } = await tx.timeEntry.updateMany({ where: { id: entry.id, firmId: actor.firmId, feeNoteId: null, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count !== 1) throw new AppError('CONFLICT', { message: 'time entry is billed', userMessage: 'feeNotes.errors.billed' });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.time_removed', entity: 'fee_note', entityId: entry.id, context, before: { caseId: entry.caseId, minutes: entry.minutes, rateCents: entry.rateCents } });
    return { id: entry.id, caseId: entry.caseId };
  });
}
