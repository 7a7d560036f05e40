import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { brusselsDate, fromDbDate, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { structuredCommunication } from './check-digits';
import type { FeeNoteDocument } from './fee-note-document';
import { vatBreakdown } from './fee-note-math';
import type { Buyer, Seller } from './fee-note-parties';
import { nextFeeNoteNumber, storeFeeNoteFiles } from './fee-note-series';
import type { VatCategory } from './vat-category';

export const ZCancelFeeNote = z.object({ feeNoteId: z.string().min(1).max(64) });

/**
 * Cancels a fee note (ISSUED or PAID -> CANCELLED) with a credit note, in one transaction; for a paid note the
 * credit note says the amount is to be refunded. An issued note is never
 * changed or deleted (the series must stay continuous and the record kept), so the cancellation is a document of
 * its own: the series' next number, dated today, naming the note it cancels, with the same lines, amounts, buyer and
 * seller; a PDF in the client's language and, for a business buyer, a UBL CreditNote for their software. The
 * note's time and fees become unbilled again, to go on a corrected note.
 */
export async function cancelFeeNote({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'fee_note.payment');
  const { feeNoteId } = parseInput(ZCancelFeeNote, input);
  const written: string[] = [];
  try {
    return await getDb().$transaction(async (tx) => {
      const note = await tx.feeNote.findFirst({
        where: { id: feeNoteId, firmId: actor.firmId },
        include: { lines: { orderBy: { position: 'asc' } }, case: { select: { reference: true } } },
      });
      if (!note) throw new AppError('NOT_FOUND', { message: `no fee note ${feeNoteId} in firm` });
      // Conditional on the status just read: a payment or a cancellation in between makes this a CONFLICT.
      const open = note.kind === 'INVOICE' && (note.status === 'ISSUED' || note.status === 'PAID');
      const { count } = open ? await tx.feeNote.updateMany({ where: { id: note.id, firmId: actor.firmId, kind: 'INVOICE', status: note.status }, data: { status: 'CANCELLED' } }) : { count: 0 };
      if (count !== 1) throw new AppError('CONFLICT', { message: `fee note is ${note.kind} ${note.status}`, userMessage: 'feeNotes.errors.notCancellable' });
      const paid = note.status === 'PAID';
      const time = await tx.timeEntry.updateMany({ where: { firmId: actor.firmId, feeNoteId: note.id }, data: { feeNoteId: null } });
      const fees = await tx.feeItem.updateMany({ where: { firmId: actor.firmId, feeNoteId: note.id }, data: { feeNoteId: null } });

      const issuedOn = brusselsDate();
      const { year, sequence, number } = await nextFeeNoteNumber(tx, actor.firmId, issuedOn);
      const lines = note.lines.map((line) => ({
        position: line.position, description: line.description, unitCode: line.unitCode === 'HUR' ? ('HUR' as const) : ('C62' as const), quantityThousandths: line.quantityThousandths,
        unitCents: line.unitCents, vatRateBasisPoints: line.vatRateBasisPoints, vatCategory: line.vatCategory as VatCategory, lineExclCents: line.lineExclCents, lineVatCents: line.lineVatCents,
      }));
      const credit = await tx.feeNote.create({
        data: {
          firmId: actor.firmId, caseId: note.caseId, clientId: note.clientId, kind: 'CREDIT_NOTE', creditsId: note.id, year, sequence, number,
          // A credit note falls due at once: nothing is paid on it.
          issuedOn: toDbDate(issuedOn), dueOn: toDbDate(issuedOn), language: note.language, buyer: note.buyer as Prisma.InputJsonValue, seller: note.seller as Prisma.InputJsonValue,
          totalExclCents: note.totalExclCents, vatCents: note.vatCents, totalInclCents: note.totalInclCents, issuedById: actor.userId,
          lines: { create: lines.map((line) => ({ ...line, firmId: actor.firmId })) },
        },
        select: { id: true },
      });
      const document: FeeNoteDocument = {
        credits: { number: note.number, issuedOn: fromDbDate(note.issuedOn), paid }, number, issuedOn, dueOn: issuedOn, language: note.language,
        caseReference: note.case.reference, seller: note.seller as Seller, buyer: note.buyer as Buyer, lines, breakdown: vatBreakdown(lines),
        totalExclCents: note.totalExclCents, vatCents: note.vatCents, totalInclCents: note.totalInclCents, structuredCommunication: structuredCommunication(year, sequence),
      };
      const files = await storeFeeNoteFiles({ storage, firmId: actor.firmId, feeNoteId: credit.id, document, written });
      await tx.feeNote.update({ where: { id: credit.id, firmId: actor.firmId }, data: files });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.cancelled', entity: 'fee_note', entityId: note.id, context,
        before: { status: note.status }, after: { status: 'CANCELLED', number: note.number, creditNote: { id: credit.id, number }, released: { timeEntries: time.count, feeItems: fees.count } },
      });
      return { id: note.id, status: 'CANCELLED' as const, creditNote: { id: credit.id, number } };
    }, { maxWait: 30_000, timeout: 60_000 });
  } catch (error) {
    // Files of a credit note that never committed: nothing points at them.
    await Promise.all(written.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  }
}
