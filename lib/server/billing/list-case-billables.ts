import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { fromDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { lineAmounts, minutesToThousandths } from './fee-note-math';

/**
 * A case's unbilled time and fixed fees with their totals excl. VAT (the VAT depends on who pays, decided when
 * issuing), and its fee notes. Each entry says whether the reader may remove it (their own, or anyone's for those
 * who issue notes). A credit note names the note it cancels, and a cancelled note its credit note.
 */
export async function listCaseBillables({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  assertCan(actor, 'time.enter');
  const db = getDb();
  const kase = await db.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
  if (!kase) throw new AppError('NOT_FOUND', { message: `no case ${caseId} in firm` });
  const unbilled = { firmId: actor.firmId, caseId, feeNoteId: null, deletedAt: null };
  const [time, fees, notes] = await Promise.all([
    db.timeEntry.findMany({ where: unbilled, orderBy: [{ workedOn: 'asc' }, { createdAt: 'asc' }], select: { id: true, workedOn: true, minutes: true, description: true, rateCents: true, vatRateBasisPoints: true, userId: true } }),
    db.feeItem.findMany({ where: unbilled, orderBy: [{ performedOn: 'asc' }, { createdAt: 'asc' }], select: { id: true, performedOn: true, quantity: true, description: true, unitCents: true, vatRateBasisPoints: true, createdById: true } }),
    db.feeNote.findMany({ where: { firmId: actor.firmId, caseId }, orderBy: [{ year: 'desc' }, { sequence: 'desc' }], select: { id: true, kind: true, number: true, issuedOn: true, dueOn: true, status: true, paidOn: true, totalInclCents: true, ublStorageKey: true, credits: { select: { number: true } }, creditedBy: { select: { number: true } } } }),
  ]);
  const users = await db.user.findMany({ where: { id: { in: [...new Set(time.map((entry) => entry.userId))] }, memberships: { some: { firmId: actor.firmId } } }, select: { id: true, name: true, email: true } });
  const mayRemoveAny = can(actor.role, 'fee_note.issue');
  const timeRows = time.map((entry) => ({
    id: entry.id, workedOn: fromDbDate(entry.workedOn), minutes: entry.minutes, description: entry.description, rateCents: entry.rateCents, vatRateBasisPoints: entry.vatRateBasisPoints,
    by: users.find((user) => user.id === entry.userId)?.name ?? '', amountCents: lineAmounts({ quantityThousandths: minutesToThousandths(entry.minutes), unitCents: entry.rateCents, vatRateBasisPoints: 0, vatCategory: 'S' }).lineExclCents,
    mayRemove: mayRemoveAny || entry.userId === actor.userId,
  }));
  const feeRows = fees.map((item) => ({
    id: item.id, performedOn: fromDbDate(item.performedOn), quantity: item.quantity, description: item.description, unitCents: item.unitCents, vatRateBasisPoints: item.vatRateBasisPoints,
    amountCents: item.quantity * item.unitCents, mayRemove: mayRemoveAny || item.createdById === actor.userId,
  }));
  return {
    time: timeRows,
    fees: feeRows,
    totalMinutes: timeRows.reduce((sum, row) => sum + row.minutes, 0),
    totalExclCents: [...timeRows, ...feeRows].reduce((sum, row) => sum + row.amountCents, 0),
    feeNotes: notes.map((note) => ({ id: note.id, number: note.number, issuedOn: fromDbDate(note.issuedOn), dueOn: fromDbDate(note.dueOn), status: note.status, paidOn: note.paidOn ? fromDbDate(note.paidOn) : null, totalInclCents: note.totalInclCents, hasUbl: note.ublStorageKey !== null,
      kind: note.kind, credits: note.credits?.number ?? null, creditedBy: note.creditedBy?.number ?? null,
    })),
  };
}
