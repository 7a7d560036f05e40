import type { Tx } from '@/lib/db';
import type { Storage } from '@/lib/storage/storage';
import type { FeeNoteDocument } from './fee-note-document';
import { buildFeeNotePdf } from './fee-note-pdf';
import { feeNoteInvoice, renderUbl } from './fee-note-ubl';

/**
 * The firm's next number of the year, fee notes and credit notes in one series: FeeNoteCounter's row for the firm
 * and year, incremented in place. Concurrent issues queue on that row lock, and a rollback undoes the increment
 * with everything else, so numbers have no gaps and no duplicates (art. 53 §2 WBTW, a continuous series).
 */
export async function nextFeeNoteNumber(tx: Tx, firmId: string, issuedOn: string) {
  const year = Number(issuedOn.slice(0, 4));
  const [counter] = await tx.$queryRaw<{ lastSequence: number }[]>`
    INSERT INTO "FeeNoteCounter" ("firmId", "year", "lastSequence") VALUES (${firmId}, ${year}, 1)
    ON CONFLICT ("firmId", "year") DO UPDATE SET "lastSequence" = "FeeNoteCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  const sequence = counter!.lastSequence;
  return { year, sequence, number: `${year}/${String(sequence).padStart(4, '0')}` };
}

/**
 * Stores a note's PDF and, for a business buyer, its UBL file (an Invoice, or a CreditNote for a credit note).
 * Each key is pushed to `written` before its file is put, so the caller deletes them if its transaction fails.
 */
export async function storeFeeNoteFiles({ storage, firmId, feeNoteId, document, written }: { storage: Storage; firmId: string; feeNoteId: string; document: FeeNoteDocument; written: string[] }) {
  const pdfStorageKey = `${firmId}/fee-notes/${feeNoteId}/pdf`;
  const pdf = await buildFeeNotePdf(document);
  written.push(pdfStorageKey);
  await storage.put(pdfStorageKey, pdf, { contentType: 'application/pdf', size: pdf.byteLength });
  let ublStorageKey: string | null = null;
  if (document.buyer.kind === 'COMPANY') {
    const xml = new TextEncoder().encode(await renderUbl(feeNoteInvoice(document)));
    ublStorageKey = `${firmId}/fee-notes/${feeNoteId}/ubl`;
    written.push(ublStorageKey);
    await storage.put(ublStorageKey, xml, { contentType: 'application/xml', size: xml.byteLength });
  }
  return { pdfStorageKey, ublStorageKey };
}
