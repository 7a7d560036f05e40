import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Storage } from '@/lib/storage/storage';
import { brusselsDate } from '@/lib/dates';
import { createClient, expectAppError, newContext } from './support/fixtures';
import { bytes, pdfText } from './support/fee-note-files';
import { DUTCH_EMPLOYER, fee, issue, time, withBillingDetails, world } from './support/fee-note-world';
import { setupTestDatabase } from './support/test-database';

// A fee note issued in error is cancelled by a credit note: the series' next number, dated today, naming the note
// it cancels, with its lines and amounts; a PDF in the client's language and a UBL CreditNote for a business
// buyer; a refund when the note was paid. All of it or nothing, and only for the firm's own notes.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-credit-notes-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { getStorage } = await import('@/lib/storage/get-storage');
const { cancelFeeNote } = await import('@/lib/server/billing/cancel-fee-note');
const { recordFeeNotePayment } = await import('@/lib/server/billing/record-fee-note-payment');
const { listCaseBillables } = await import('@/lib/server/billing/list-case-billables');
const { listPortalFeeNotes } = await import('@/lib/server/billing/list-portal-fee-notes');
const { openFeeNoteFile } = await import('@/lib/server/billing/open-fee-note-file');
const { eraseClient } = await import('@/lib/server/client/erase-client');
const { collectClientData } = await import('@/lib/server/client/client-data-rows');

const db = getDb();
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

// Notes in the tests are issued on 7 December 2026; a credit note is dated the day it is made.
const today = brusselsDate();
const creditNumber = (issuedIn2026: number) => (today.startsWith('2026') ? `2026/${String(issuedIn2026 + 1).padStart(4, '0')}` : `${today.slice(0, 4)}/0001`);
const text = async (body: NodeJS.ReadableStream) => new TextDecoder().decode(await bytes(body));

describe('a credit note', () => {
  it('cancels a business buyer’s note with the next number, its lines and amounts, a Dutch PDF and a UBL CreditNote naming it', async () => {
    const w = await world('Credit note for an employer');
    await withBillingDetails(w.firm, w.admin);
    const item = await fee(w, '1200');
    const entry = await time(w, 120);
    const note = await issue(w, DUTCH_EMPLOYER);
    const original = await db.feeNote.findUniqueOrThrow({ where: { id: note.id }, include: { lines: { orderBy: { position: 'asc' } } } });

    const result = await cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: note.id }, context: newContext() });
    expect(result.creditNote.number).toBe(creditNumber(1));
    const credit = await db.feeNote.findUniqueOrThrow({ where: { id: result.creditNote.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(credit).toMatchObject({ kind: 'CREDIT_NOTE', creditsId: note.id, status: 'ISSUED', caseId: w.kase.id, clientId: w.portal.client.id, language: 'nl', totalExclCents: 145_000, vatCents: 0, totalInclCents: 145_000 });
    expect(credit.issuedOn).toEqual(new Date(`${today}T00:00:00Z`));
    expect(credit.buyer).toEqual(original.buyer);
    const line = (row: (typeof credit.lines)[number]) => [row.position, row.description, row.unitCode, row.quantityThousandths, row.unitCents, row.vatCategory, row.lineExclCents, row.lineVatCents];
    expect(credit.lines.map(line)).toEqual(original.lines.map(line));
    expect(await db.feeNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ status: 'CANCELLED', number: '2026/0001' });
    // The time and the fee are unbilled again, for a corrected note.
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ feeNoteId: null });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ feeNoteId: null });

    const pdfFile = await openFeeNoteFile({ actor: w.assistant.actor, feeNoteId: credit.id, kind: 'pdf', context: newContext() });
    expect(pdfFile.fileName).toBe(`credit-note-${creditNumber(1).replace('/', '-')}.pdf`);
    const pdf = await bytes(pdfFile.body);
    expect((await PDFDocument.load(pdf)).getTitle()).toBe(`Creditnota ${creditNumber(1)}`);
    const printed = pdfText(pdf);
    expect(printed).toContain('Annuleert: ereloonnota 2026/0001 van 7 december 2026');
    expect(printed).toMatch(/Niets te betalen: \S* ?1\.450,00 wordt gecrediteerd op ereloonnota 2026\/0001\./);
    // Nothing to pay, so no payment instructions.
    expect(printed).not.toContain('Gestructureerde mededeling');
    expect(printed).not.toContain('Gelieve');

    const ublFile = await openFeeNoteFile({ actor: w.assistant.actor, feeNoteId: credit.id, kind: 'ubl', context: newContext() });
    expect(ublFile.fileName).toBe(`credit-note-${creditNumber(1).replace('/', '-')}.xml`);
    const xml = await text(ublFile.body);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>2026\/0001<\/cbc:ID>\s*<cbc:IssueDate>2026-12-07<\/cbc:IssueDate>/);
    expect(xml).toContain(`<cbc:ID>${creditNumber(1)}</cbc:ID>`);
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="HUR">2</cbc:CreditedQuantity>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">1450.00</cbc:PayableAmount>');
    expect(xml).not.toContain('DueDate');
    expect(xml).not.toContain('PaymentMeans');

    const listed = await listCaseBillables({ actor: w.assistant.actor, caseId: w.kase.id });
    expect(listed.feeNotes.map((row) => [row.number, row.kind, row.status, row.credits, row.creditedBy])).toEqual([
      [creditNumber(1), 'CREDIT_NOTE', 'ISSUED', '2026/0001', null],
      ['2026/0001', 'INVOICE', 'CANCELLED', null, creditNumber(1)],
    ]);
    // The client finds both in the portal, and downloads the credit note.
    expect((await listPortalFeeNotes({ actor: w.portal.actor, caseId: w.kase.id })).map((row) => [row.number, row.kind, row.credits])).toEqual([[creditNumber(1), 'CREDIT_NOTE', '2026/0001'], ['2026/0001', 'INVOICE', null]]);
    expect((await bytes((await openFeeNoteFile({ actor: w.portal.actor, feeNoteId: credit.id, kind: 'pdf', context: newContext() })).body)).slice(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));

    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'fee_note.cancelled' } });
    expect(audit).toMatchObject({ entityId: note.id, diff: { after: { status: 'CANCELLED', number: '2026/0001', creditNote: { id: credit.id, number: creditNumber(1) }, released: { timeEntries: 1, feeItems: 1 } } } });
  });

  it('of a paid note says the amount is to be refunded', async () => {
    const w = await world('Credit note for a paid note');
    await withBillingDetails(w.firm, w.admin);
    const item = await fee(w, '300');
    const paid = await issue(w);
    await recordFeeNotePayment({ actor: w.advisor.actor, input: { feeNoteId: paid.id, paidOn: '2026-12-10' }, context: newContext() });
    const { creditNote } = await cancelFeeNote({ actor: w.advisor.actor, input: { feeNoteId: paid.id }, context: newContext() });
    // The payment stays on record; the note is cancelled and its fee unbilled again.
    expect(await db.feeNote.findUniqueOrThrow({ where: { id: paid.id } })).toMatchObject({ status: 'CANCELLED', paidOn: new Date('2026-12-10T00:00:00Z') });
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ feeNoteId: null });
    const printed = pdfText(await bytes((await openFeeNoteFile({ actor: w.advisor.actor, feeNoteId: creditNote.id, kind: 'pdf', context: newContext() })).body));
    // 300.00 + 21 % VAT.
    expect(printed).toMatch(/Terug te betalen: \S* ?363,00, betaald op ereloonnota 2026\/0001\./);
    expect(printed).not.toContain('Niets te betalen');
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'fee_note.cancelled' } });
    expect(audit.diff).toMatchObject({ before: { status: 'PAID' }, after: { status: 'CANCELLED', creditNote: { number: creditNote.number } } });
  });

  it('cannot be paid or cancelled itself, and a cancelled note cannot be credited twice', async () => {
    const w = await world('Credit note refusals');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '400');
    const wrong = await issue(w);
    const { creditNote } = await cancelFeeNote({ actor: w.advisor.actor, input: { feeNoteId: wrong.id }, context: newContext() });
    const before = await db.feeNote.findMany({ where: { firmId: w.firm.id }, orderBy: { sequence: 'asc' } });

    for (const feeNoteId of [wrong.id, creditNote.id]) {
      const refused = await expectAppError(cancelFeeNote({ actor: w.advisor.actor, input: { feeNoteId }, context: newContext() }), 'CONFLICT');
      expect(refused.userMessage).toBe('feeNotes.errors.notCancellable');
    }
    await expectAppError(recordFeeNotePayment({ actor: w.advisor.actor, input: { feeNoteId: creditNote.id, paidOn: today }, context: newContext() }), 'CONFLICT');
    // The assistant may read fee notes but not cancel them.
    await fee(w, '500');
    const third = await issue(w);
    await expectAppError(cancelFeeNote({ actor: w.assistant.actor, input: { feeNoteId: third.id }, context: newContext() }), 'FORBIDDEN');
    expect((await db.feeNote.findMany({ where: { firmId: w.firm.id }, orderBy: { sequence: 'asc' } })).filter((row) => row.id !== third.id)).toEqual(before);
    expect(await db.feeNote.count({ where: { firmId: w.firm.id, kind: 'CREDIT_NOTE' } })).toBe(1);
  });

  it('is all or nothing: when its file cannot be stored the note stays issued, billed, and the number untaken', async () => {
    const w = await world('Credit note and a full disk');
    await withBillingDetails(w.firm, w.admin);
    const item = await fee(w, '300');
    const note = await issue(w, DUTCH_EMPLOYER);
    const counters = async () => db.feeNoteCounter.findMany({ where: { firmId: w.firm.id }, orderBy: { year: 'asc' } });
    const before = await counters();
    const real = getStorage();
    let stored = 0;
    // The PDF goes in, the UBL file fails: the PDF already written must be gone afterwards.
    const failing: Storage = { ...real, driver: real.driver, put: async (key, body, meta) => { if (stored++ > 0) throw new Error('disk full'); return real.put(key, body, meta); }, get: (key) => real.get(key), delete: (key) => real.delete(key), exists: (key) => real.exists(key), list: () => real.list() };
    await expect(cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: note.id }, context: newContext(), storage: failing })).rejects.toThrow('disk full');
    expect(stored).toBe(2);
    expect(await db.feeNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ status: 'ISSUED' });
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ feeNoteId: note.id });
    expect(await db.feeNote.count({ where: { firmId: w.firm.id, kind: 'CREDIT_NOTE' } })).toBe(0);
    expect(await counters()).toEqual(before);
    const left: string[] = [];
    for await (const key of real.list()) if (key.startsWith(`${w.firm.id}/fee-notes/`) && !key.includes(note.id)) left.push(key);
    expect(left).toEqual([]);
    expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'fee_note.cancelled' } })).toBe(0);

    await expect(cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: note.id }, context: newContext() })).resolves.toMatchObject({ creditNote: { number: creditNumber(1) } });
  });

  it('of another firm or another client is out of reach', async () => {
    const victim = await world('Credit note victim');
    await withBillingDetails(victim.firm, victim.admin);
    await fee(victim, '500');
    const note = await issue(victim);
    const { creditNote } = await cancelFeeNote({ actor: victim.admin.actor, input: { feeNoteId: note.id }, context: newContext() });
    const attacker = await world('Credit note attacker');
    await expectAppError(openFeeNoteFile({ actor: attacker.admin.actor, feeNoteId: creditNote.id, kind: 'pdf', context: newContext() }), 'NOT_FOUND');
    await expectAppError(cancelFeeNote({ actor: attacker.admin.actor, input: { feeNoteId: creditNote.id }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(openFeeNoteFile({ actor: attacker.portal.actor, feeNoteId: creditNote.id, kind: 'pdf', context: newContext() }), 'NOT_FOUND');
    const sameFirm = await createClient(victim.firm, { withPortal: true });
    await expectAppError(openFeeNoteFile({ actor: sameFirm.actor, feeNoteId: creditNote.id, kind: 'pdf', context: newContext() }), 'NOT_FOUND');
    expect(await listPortalFeeNotes({ actor: sameFirm.actor, caseId: victim.kase.id })).toEqual([]);
  });

  it('is in the client’s data export under its own name, and goes with its note when the client is erased after the accounting years', async () => {
    const w = await world('Credit note and erasure');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '500');
    const note = await issue(w, DUTCH_EMPLOYER);
    const { creditNote } = await cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: note.id }, context: newContext() });
    const files = (await db.feeNote.findMany({ where: { firmId: w.firm.id } })).flatMap((row) => [row.pdfStorageKey!, row.ublStorageKey!]);
    expect(files).toHaveLength(4);
    // A request for the client's data gets both, each under its own name.
    const exported = await db.$transaction((tx) => collectClientData(tx, w.firm.id, w.portal.client.id, 'export'));
    const base = creditNumber(1).replace('/', '-');
    expect(exported!.files.filter((file) => file.source === 'FeeNote').map((file) => file.fileName).sort()).toEqual([`credit-note-${base}.pdf`, `credit-note-${base}.xml`, 'fee-note-2026-0001.pdf', 'fee-note-2026-0001.xml']);
    await db.case.update({ where: { id: w.kase.id }, data: { stage: 'CLOSED', closedAt: new Date(`${today}T10:00:00Z`) } });
    const until = Number(today.slice(0, 4)) + 8;
    await eraseClient({ actor: w.admin.actor, input: { clientId: w.portal.client.id, confirmFileNumber: w.portal.client.fileNumber }, context: newContext(), today: `${until}-01-01` });
    expect(await db.feeNote.count({ where: { id: { in: [note.id, creditNote.id] } } })).toBe(0);
    for (const key of files) expect(await getStorage().exists(key)).toBe(false);
  });
});
