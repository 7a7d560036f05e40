import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { addDaysPlain, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { completeBillingDetails } from './billing-details';
import { structuredCommunication } from './check-digits';
import type { FeeNoteDocument } from './fee-note-document';
import { lineAmounts, minutesToThousandths, vatBreakdown } from './fee-note-math';
import { buyerSnapshot, sellerSnapshot } from './fee-note-parties';
import { nextFeeNoteNumber, storeFeeNoteFiles } from './fee-note-series';
import { ZIssueFeeNote } from './issue-schemas';
import { vatCategory } from './vat-category';

/**
 * Issues a fee note for a case's unbilled time and fixed fees (all, or the ones named), in one transaction: the
 * firm's next number for the year, the lines and totals, the seller and buyer as printed, the entries marked billed,
 * the PDF (and for a business buyer the UBL file) stored, the audit row. The number is the series' next
 * (fee-note-series.ts): no gaps, no duplicates, also under concurrent issuing.
 */
export async function issueFeeNote({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'fee_note.issue');
  const data = parseInput(ZIssueFeeNote, input);
  const written: string[] = [];
  try {
    return await getDb().$transaction(async (tx) => {
      const kase = await tx.case.findFirst({
        where: { id: data.caseId, firmId: actor.firmId, deletedAt: null },
        select: { id: true, reference: true, client: { select: { id: true, firstName: true, lastName: true, email: true, addressLine: true, postalCode: true, commune: true, language: true } } },
      });
      if (!kase) throw new AppError('NOT_FOUND', { message: `no case ${data.caseId} in firm` });
      // After the case: someone else's case id is NOT_FOUND whatever the state of the caller's own firm.
      const firm = await tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { billingDetails: true } });
      const details = completeBillingDetails(firm.billingDetails);
      if (!details) throw new AppError('VALIDATION', { message: 'billing details incomplete', userMessage: 'feeNotes.errors.billingDetails' });
      const buyer = buyerSnapshot(data, kase.client);
      const seller = sellerSnapshot(details);

      // Locked, so a second issue of the same entries waits and then finds them billed.
      // Naming entries of either kind bills exactly the named ones (none of a kind not named); naming none bills all.
      const named = data.timeEntryIds !== undefined || data.feeItemIds !== undefined;
      const picked = (ids: string[] | undefined) => (named ? { id: { in: ids ?? [] } } : {});
      const unbilled = { firmId: actor.firmId, caseId: kase.id, feeNoteId: null, deletedAt: null };
      await tx.$queryRaw`SELECT 1 FROM "TimeEntry" WHERE "firmId" = ${actor.firmId} AND "caseId" = ${kase.id} AND "feeNoteId" IS NULL FOR UPDATE`;
      await tx.$queryRaw`SELECT 1 FROM "FeeItem" WHERE "firmId" = ${actor.firmId} AND "caseId" = ${kase.id} AND "feeNoteId" IS NULL FOR UPDATE`;
      const [time, fees] = await Promise.all([
        tx.timeEntry.findMany({ where: { ...unbilled, ...picked(data.timeEntryIds) }, orderBy: [{ workedOn: 'asc' }, { createdAt: 'asc' }] }),
        tx.feeItem.findMany({ where: { ...unbilled, ...picked(data.feeItemIds) }, orderBy: [{ performedOn: 'asc' }, { createdAt: 'asc' }] }),
      ]);
      if (named && (time.length !== new Set(data.timeEntryIds).size || fees.length !== new Set(data.feeItemIds).size)) {
        throw new AppError('CONFLICT', { message: 'some entries are billed, removed or not on this case', userMessage: 'feeNotes.errors.billed' });
      }
      if (time.length + fees.length === 0) throw new AppError('VALIDATION', { message: 'nothing to bill', userMessage: 'feeNotes.errors.nothing' });

      const priced = [
        ...fees.map((item) => ({ description: item.description, unitCode: 'C62' as const, quantityThousandths: item.quantity * 1000, unitCents: item.unitCents, rate: item.vatRateBasisPoints })),
        ...time.map((entry) => ({ description: entry.description, unitCode: 'HUR' as const, quantityThousandths: minutesToThousandths(entry.minutes), unitCents: entry.rateCents, rate: entry.vatRateBasisPoints })),
      ];
      const lines = priced.map((line, index) => {
        const { category, rateBasisPoints } = vatCategory({ kind: buyer.kind, country: buyer.country, vatNumber: buyer.vatNumber }, line.rate);
        const base = { position: index + 1, description: line.description, unitCode: line.unitCode, quantityThousandths: line.quantityThousandths, unitCents: line.unitCents, vatRateBasisPoints: rateBasisPoints, vatCategory: category };
        return { ...base, ...lineAmounts(base) };
      });
      const totalExclCents = lines.reduce((sum, line) => sum + line.lineExclCents, 0);
      const vatCents = lines.reduce((sum, line) => sum + line.lineVatCents, 0);

      const { year, sequence, number } = await nextFeeNoteNumber(tx, actor.firmId, data.issuedOn);
      const dueOn = addDaysPlain(data.issuedOn, data.paymentTermDays);
      const language = kase.client.language;

      const note = await tx.feeNote.create({
        data: {
          firmId: actor.firmId, caseId: kase.id, clientId: kase.client.id, year, sequence, number, issuedOn: toDbDate(data.issuedOn), dueOn: toDbDate(dueOn), language,
          buyer, seller, totalExclCents, vatCents, totalInclCents: totalExclCents + vatCents, issuedById: actor.userId,
          lines: { create: lines.map((line) => ({ ...line, firmId: actor.firmId })) },
        },
        select: { id: true },
      });
      await tx.timeEntry.updateMany({ where: { firmId: actor.firmId, id: { in: time.map((entry) => entry.id) } }, data: { feeNoteId: note.id } });
      await tx.feeItem.updateMany({ where: { firmId: actor.firmId, id: { in: fees.map((item) => item.id) } }, data: { feeNoteId: note.id } });

      const document: FeeNoteDocument = {
        number, issuedOn: data.issuedOn, dueOn, language, caseReference: kase.reference, seller, buyer, lines,
        breakdown: vatBreakdown(lines), totalExclCents, vatCents, totalInclCents: totalExclCents + vatCents, structuredCommunication: structuredCommunication(year, sequence),
      };
      const { pdfStorageKey, ublStorageKey } = await storeFeeNoteFiles({ storage, firmId: actor.firmId, feeNoteId: note.id, document, written });
      await tx.feeNote.update({ where: { id: note.id, firmId: actor.firmId }, data: { pdfStorageKey, ublStorageKey } });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.issued', entity: 'fee_note', entityId: note.id, context,
        after: { number, caseId: kase.id, buyerKind: buyer.kind, totalExclCents, vatCents, timeEntries: time.length, feeItems: fees.length, categories: [...new Set(lines.map((line) => line.vatCategory))] },
      });
      return { id: note.id, number, totalExclCents, vatCents, totalInclCents: totalExclCents + vatCents };
    }, { maxWait: 30_000, timeout: 60_000 });
  } catch (error) {
    // Files of a note that never committed: nothing points at them.
    await Promise.all(written.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  }
}
