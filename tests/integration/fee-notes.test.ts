import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Storage } from '@/lib/storage/storage';
import { createClient, expectAppError, newContext } from './support/fixtures';
import { bytes, pdfText } from './support/fee-note-files';
import { BILLING_DETAILS, DUTCH_EMPLOYER, fee, issue, time, withBillingDetails, world } from './support/fee-note-world';
import { setupTestDatabase } from './support/test-database';

// Time and fixed fees on a case, and the fee notes that bill them: gapless numbers per firm and year under
// concurrent issuing, VAT per Belgian rules, the PDF and the Peppol UBL file checked by @e-invoice-eu/core, payment
// and cancellation, and another firm's or client's ids finding nothing.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-fee-notes-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { getStorage } = await import('@/lib/storage/get-storage');
const { setBillingDetails } = await import('@/lib/server/billing/set-billing-details');
const { addTimeEntry } = await import('@/lib/server/billing/add-time-entry');
const { addFeeItem } = await import('@/lib/server/billing/add-fee-item');
const { removeTimeEntry } = await import('@/lib/server/billing/remove-time-entry');
const { removeFeeItem } = await import('@/lib/server/billing/remove-fee-item');
const { listCaseBillables } = await import('@/lib/server/billing/list-case-billables');
const { issueFeeNote } = await import('@/lib/server/billing/issue-fee-note');
const { recordFeeNotePayment } = await import('@/lib/server/billing/record-fee-note-payment');
const { cancelFeeNote } = await import('@/lib/server/billing/cancel-fee-note');
const { openFeeNoteFile } = await import('@/lib/server/billing/open-fee-note-file');
const { listPortalFeeNotes } = await import('@/lib/server/billing/list-portal-fee-notes');
const { feeNoteInvoice, renderUbl, validateUblInvoice, PEPPOL_BIS3_CUSTOMIZATION } = await import('@/lib/server/billing/fee-note-ubl');
const { vatBreakdown } = await import('@/lib/server/billing/fee-note-math');
const { structuredCommunication } = await import('@/lib/server/billing/check-digits');
const { eraseClient } = await import('@/lib/server/client/erase-client');

const db = getDb();
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

describe('billing details', () => {
  it('are checked (KBO/BCE and VAT mod 97, IBAN, BIC) and issuing refuses until they are complete', async () => {
    const w = await world('Billing details');
    await fee(w, '500');
    const refused = await expectAppError(issue(w), 'VALIDATION');
    expect(refused.userMessage).toBe('feeNotes.errors.billingDetails');
    expect(await db.feeNote.count({ where: { firmId: w.firm.id } })).toBe(0);
    expect(await db.feeNoteCounter.count({ where: { firmId: w.firm.id } })).toBe(0);

    const bad = await expectAppError(setBillingDetails({ actor: w.admin.actor, input: { ...BILLING_DETAILS, enterpriseNumber: '0403.170.702', iban: 'BE68 5390 0754 7035', vatNumber: 'BE0202239951' }, context: newContext() }), 'VALIDATION');
    expect((bad as unknown as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors).toMatchObject({ enterpriseNumber: ['enterpriseNumber'], iban: ['iban'] });
    expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).billingDetails).toEqual({});
    await expectAppError(setBillingDetails({ actor: w.advisor.actor, input: BILLING_DETAILS, context: newContext() }), 'FORBIDDEN');

    await withBillingDetails(w.firm, w.admin);
    expect((await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).billingDetails).toMatchObject({ enterpriseNumber: '0403170701', vatNumber: 'BE0403170701', iban: 'BE68539007547034' });
    expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'settings.updated' } })).toBe(1);
    await expect(issue(w)).resolves.toMatchObject({ number: '2026/0001' });
  });
});

describe('issuing', () => {
  it('bills a Belgian client at 21 % (S) with per-line rounding, a PDF in their language, the OGM and no UBL', async () => {
    const w = await world('Belgian client', 'fr');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '750');
    await time(w, 50);
    const note = await issue(w);
    const row = await db.feeNote.findUniqueOrThrow({ where: { id: note.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    // 750.00 + 0.833 h x 125.00 = 104.13; VAT 157.50 + 21.87
    expect(row.lines.map((line) => [line.quantityThousandths, line.lineExclCents, line.vatCategory, line.vatRateBasisPoints, line.lineVatCents])).toEqual([[1000, 75_000, 'S', 2100, 15_750], [833, 10_413, 'S', 2100, 2187]]);
    expect(row).toMatchObject({ number: '2026/0001', sequence: 1, year: 2026, totalExclCents: 85_413, vatCents: 17_937, totalInclCents: 103_350, language: 'fr', status: 'ISSUED', ublStorageKey: null });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe('2027-01-06');
    expect(row.buyer).toMatchObject({ kind: 'PERSON', country: 'BE', street: 'Rue Haute 12', city: 'Bruxelles' });
    expect(row.seller).toMatchObject({ legalName: BILLING_DETAILS.legalName, vatNumber: 'BE0403170701', peppolId: '0208:0403170701' });

    const file = await openFeeNoteFile({ actor: w.advisor.actor, feeNoteId: note.id, kind: 'pdf', context: newContext() });
    const pdf = await bytes(file.body);
    expect(file.fileName).toBe('fee-note-2026-0001.pdf');
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getTitle()).toBe("Note d'honoraires 2026/0001");
    const text = pdfText(pdf);
    expect(structuredCommunication(2026, 1)).toBe('+++202/6000/00192+++');
    expect(text).toContain('+++202/6000/00192+++');
    expect(text).toContain('Communication structurée: +++202/6000/00192+++');
    expect(text).toContain('BE68 5390 0754 7034');
    expect(text).toContain('Total TVAC');
    await expectAppError(openFeeNoteFile({ actor: w.advisor.actor, feeNoteId: note.id, kind: 'ubl', context: newContext() }), 'NOT_FOUND');
  });

  it('reverse-charges a Dutch employer (AE, 0 %) and writes a Peppol BIS 3 UBL file the library validates', async () => {
    const w = await world('Dutch employer');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '1200');
    await time(w, 120);
    const note = await issue(w, DUTCH_EMPLOYER);
    const row = await db.feeNote.findUniqueOrThrow({ where: { id: note.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(row.lines.map((line) => [line.vatCategory, line.vatRateBasisPoints, line.lineVatCents])).toEqual([['AE', 0, 0], ['AE', 0, 0]]);
    expect(row).toMatchObject({ totalExclCents: 120_000 + 25_000, vatCents: 0, totalInclCents: 145_000 });
    expect(row.buyer).toMatchObject({ kind: 'COMPANY', name: 'Tulp Logistiek BV', vatNumber: 'NL123456789B01', peppolId: '9944:NL123456789B01' });

    const xml = new TextDecoder().decode(await bytes((await openFeeNoteFile({ actor: w.assistant.actor, feeNoteId: note.id, kind: 'ubl', context: newContext() })).body));
    expect(xml).toContain(`<cbc:CustomizationID>${PEPPOL_BIS3_CUSTOMIZATION}</cbc:CustomizationID>`);
    expect(xml).toContain('<cbc:ID>2026/0001</cbc:ID>');
    expect(xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
    expect(xml).toContain('<cbc:EndpointID schemeID="9944">NL123456789B01</cbc:EndpointID>');
    expect(xml).toContain('<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>');
    expect(xml).toContain('art. 196 Directive 2006/112/EC');
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">1450.00</cbc:PayableAmount>');

    // The same data again from the stored note: it passes the library's validation and renders to the very file stored.
    expect(row.lines.map((line) => line.unitCode)).toEqual(['C62', 'HUR']);
    const lines = row.lines.map((line) => ({ ...line, unitCode: line.unitCode as 'C62' | 'HUR', vatCategory: line.vatCategory as 'AE' }));
    const invoice = feeNoteInvoice({
      number: row.number, issuedOn: '2026-12-07', dueOn: '2027-01-06', language: 'nl', caseReference: w.kase.reference, seller: row.seller as never, buyer: row.buyer as never, lines,
      breakdown: vatBreakdown(lines), totalExclCents: row.totalExclCents, vatCents: row.vatCents, totalInclCents: row.totalInclCents, structuredCommunication: structuredCommunication(2026, 1),
    });
    expect(() => validateUblInvoice(invoice)).not.toThrow();
    expect(await renderUbl(invoice)).toBe(xml);
    // And the library refuses what is not a valid invoice: no buyer address, an amount with three decimals.
    const broken = structuredClone(invoice) as unknown as { 'ubl:Invoice': Record<string, Record<string, Record<string, unknown>>> };
    delete broken['ubl:Invoice']['cac:AccountingCustomerParty']!['cac:Party']!['cbc:EndpointID'];
    expect(() => validateUblInvoice(broken)).toThrow();
    await expect(renderUbl(broken as never)).rejects.toThrow();
    const badAmount = structuredClone(invoice) as unknown as { 'ubl:Invoice': Record<string, Record<string, unknown>> };
    badAmount['ubl:Invoice']['cac:LegalMonetaryTotal']!['cbc:PayableAmount'] = '1450.001';
    expect(() => validateUblInvoice(badAmount)).toThrow();
  });

  it('puts Swiss and US buyers outside the scope of Belgian VAT (O); an organisation needs an electronic address', async () => {
    const w = await world('Outside the EU');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '1000');
    const swiss = { buyerKind: 'COMPANY', buyerName: 'Alpen AG', buyerStreet: 'Bahnhofstrasse 1', buyerPostalCode: '8001', buyerCity: 'Zürich', buyerCountry: 'CH', buyerVatNumber: 'CHE123456789' };
    const refused = await expectAppError(issue(w, swiss), 'VALIDATION');
    expect((refused as unknown as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors).toEqual({ buyerEmail: ['endpoint'] });
    const ch = await issue(w, { ...swiss, buyerEmail: 'ap@alpen.example.test' });
    expect(await db.feeNoteLine.findMany({ where: { feeNoteId: ch.id }, select: { vatCategory: true, lineVatCents: true } })).toEqual([{ vatCategory: 'O', lineVatCents: 0 }]);
    expect(ch).toMatchObject({ number: '2026/0001', vatCents: 0, totalInclCents: 100_000 });
    const xml = new TextDecoder().decode(await bytes((await openFeeNoteFile({ actor: w.admin.actor, feeNoteId: ch.id, kind: 'ubl', context: newContext() })).body));
    expect(xml).toContain('<cbc:EndpointID schemeID="EM">ap@alpen.example.test</cbc:EndpointID>');

    await fee(w, '200');
    const us = await issue(w, { buyerCountry: 'US' });
    expect(us).toMatchObject({ number: '2026/0002', vatCents: 0 });
    expect(await db.feeNoteLine.findMany({ where: { feeNoteId: us.id }, select: { vatCategory: true } })).toEqual([{ vatCategory: 'O' }]);
  });

  it('numbers 20 concurrent notes 1..20 without gap or duplicate, and a rolled-back issue leaves no gap', async () => {
    const w = await world('Concurrent issuing');
    await withBillingDetails(w.firm, w.admin);
    const items = [];
    for (let i = 0; i < 21; i += 1) items.push(await fee(w, String(100 + i)));
    const issued = await Promise.all(items.slice(0, 20).map((item) => issue(w, { feeItemIds: item.id })));
    expect(issued.map((note) => note.number).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `2026/${String(i + 1).padStart(4, '0')}`));
    const rows = await db.feeNote.findMany({ where: { firmId: w.firm.id }, orderBy: { sequence: 'asc' }, include: { feeItems: true } });
    expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each note billed exactly the item it named.
    expect(rows.every((row) => row.feeItems.length === 1 && row.totalExclCents === row.feeItems[0]!.unitCents)).toBe(true);

    // Storage fails after the number was taken: everything rolls back, the number included.
    const real = getStorage();
    const failing: Storage = { ...real, driver: real.driver, put: async () => { throw new Error('disk full'); }, get: (key) => real.get(key), delete: (key) => real.delete(key), exists: (key) => real.exists(key), list: () => real.list() };
    await expect(issue(w, { feeItemIds: items[20]!.id }, failing)).rejects.toThrow('disk full');
    expect(await db.feeNote.count({ where: { firmId: w.firm.id } })).toBe(20);
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: items[20]!.id } })).toMatchObject({ feeNoteId: null });
    expect(await db.feeNoteCounter.findUniqueOrThrow({ where: { firmId_year: { firmId: w.firm.id, year: 2026 } } })).toMatchObject({ lastSequence: 20 });
    await expect(issue(w, { feeItemIds: items[20]!.id })).resolves.toMatchObject({ number: '2026/0021' });
    // Another year starts again at 1; another firm has its own series.
    await fee(w, '100');
    await expect(issue(w, { issuedOn: '2027-01-02' })).resolves.toMatchObject({ number: '2027/0001' });
  });
});

describe('payment and cancellation', () => {
  it('marks a note paid, cancels another (number kept, entries unbilled again), and refuses changing either again', async () => {
    const w = await world('Payments');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '300');
    const first = await issue(w);
    const flat = await fee(w, '400');
    const second = await issue(w);
    await expectAppError(recordFeeNotePayment({ actor: w.assistant.actor, input: { feeNoteId: first.id, paidOn: '2026-12-10' }, context: newContext() }), 'FORBIDDEN');
    await expectAppError(recordFeeNotePayment({ actor: w.advisor.actor, input: { feeNoteId: first.id, paidOn: '2026-12-01' }, context: newContext() }), 'VALIDATION');
    await recordFeeNotePayment({ actor: w.advisor.actor, input: { feeNoteId: first.id, paidOn: '2026-12-10' }, context: newContext() });
    expect(await db.feeNote.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'PAID', paidOn: new Date('2026-12-10T00:00:00Z') });
    await expectAppError(recordFeeNotePayment({ actor: w.advisor.actor, input: { feeNoteId: first.id, paidOn: '2026-12-11' }, context: newContext() }), 'CONFLICT');

    // The cancellation is a credit note of the same series, dated today (credit-notes.test.ts has its details).
    const { creditNote } = await cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: second.id }, context: newContext() });
    await expectAppError(cancelFeeNote({ actor: w.admin.actor, input: { feeNoteId: second.id }, context: newContext() }), 'CONFLICT');
    expect(await db.feeNote.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'CANCELLED', number: '2026/0002' });
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: flat.id } })).toMatchObject({ feeNoteId: null });
    const creditedThisYear = creditNote.number.startsWith('2026/');
    const corrected = creditedThisYear ? '2026/0004' : '2026/0003';
    if (creditedThisYear) expect(creditNote.number).toBe('2026/0003');
    await expect(issue(w)).resolves.toMatchObject({ number: corrected, totalExclCents: 40_000 });
    const listed = await listCaseBillables({ actor: w.assistant.actor, caseId: w.kase.id });
    const notes = listed.feeNotes.filter((note) => note.kind === 'INVOICE');
    expect(notes.map((note) => [note.number, note.status])).toEqual([[corrected, 'ISSUED'], ['2026/0002', 'CANCELLED'], ['2026/0001', 'PAID']]);
    const audit = (await db.auditLog.findMany({ where: { firmId: w.firm.id, action: { in: ['fee_note.paid', 'fee_note.cancelled'] } }, orderBy: { id: 'asc' } })).map((row) => [row.action, row.entityId]);
    expect(audit).toEqual([['fee_note.paid', first.id], ['fee_note.cancelled', second.id]]);
  });
});

describe('isolation', () => {
  it('another firm’s case, entry and fee-note ids give NOT_FOUND on every operation; clients reach only their own PDF', async () => {
    const victim = await world('Victim firm');
    await withBillingDetails(victim.firm, victim.admin);
    const entry = await time(victim, 60);
    const item = await fee(victim, '500');
    const note = await issue(victim, { ...DUTCH_EMPLOYER, feeItemIds: item.id });
    const attacker = await world('Attacker firm');
    await withBillingDetails(attacker.firm, attacker.admin);
    const a = attacker.admin.actor;
    const c = newContext();
    const before = await db.feeNote.findMany({ where: { firmId: victim.firm.id } });

    await expectAppError(addTimeEntry({ actor: a, input: { caseId: victim.kase.id, workedOn: '2026-12-02', minutes: 10, description: 'x', rate: '1' }, context: c }), 'NOT_FOUND');
    await expectAppError(addFeeItem({ actor: a, input: { caseId: victim.kase.id, performedOn: '2026-12-02', description: 'x', unit: '1' }, context: c }), 'NOT_FOUND');
    await expectAppError(removeTimeEntry({ actor: a, input: { timeEntryId: entry.id }, context: c }), 'NOT_FOUND');
    await expectAppError(removeFeeItem({ actor: a, input: { feeItemId: item.id }, context: c }), 'NOT_FOUND');
    await expectAppError(listCaseBillables({ actor: a, caseId: victim.kase.id }), 'NOT_FOUND');
    await expectAppError(issueFeeNote({ actor: a, input: { caseId: victim.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07' }, context: c }), 'NOT_FOUND');
    // A firm that never filled in its billing details learns nothing about the victim's case either.
    const unbilled = await world('Attacker firm without billing details');
    await expectAppError(issueFeeNote({ actor: unbilled.admin.actor, input: { caseId: victim.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07' }, context: c }), 'NOT_FOUND');
    await expectAppError(issueFeeNote({ actor: a, input: { caseId: attacker.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07', timeEntryIds: entry.id }, context: c }), 'CONFLICT');
    await expectAppError(recordFeeNotePayment({ actor: a, input: { feeNoteId: note.id, paidOn: '2026-12-10' }, context: c }), 'NOT_FOUND');
    await expectAppError(cancelFeeNote({ actor: a, input: { feeNoteId: note.id }, context: c }), 'NOT_FOUND');
    await expectAppError(openFeeNoteFile({ actor: a, feeNoteId: note.id, kind: 'pdf', context: c }), 'NOT_FOUND');
    await expectAppError(openFeeNoteFile({ actor: a, feeNoteId: note.id, kind: 'ubl', context: c }), 'NOT_FOUND');
    // A service of another firm cannot be named either.
    const service = await db.service.create({ data: { firmId: victim.firm.id, name: { en: 'Single permit' }, feeKind: 'FIXED', feeCents: 100_000 } });
    await expectAppError(addFeeItem({ actor: a, input: { caseId: attacker.kase.id, performedOn: '2026-12-02', description: 'x', unit: '1', serviceId: service.id }, context: c }), 'NOT_FOUND');
    expect(await db.feeNote.findMany({ where: { firmId: victim.firm.id } })).toEqual(before);
    expect(await db.feeItem.count({ where: { firmId: attacker.firm.id } })).toBe(0);

    // The victim's own client: their PDF yes, the UBL file no; the attacker firm's client: nothing.
    const own = await openFeeNoteFile({ actor: victim.portal.actor, feeNoteId: note.id, kind: 'pdf', context: c });
    expect((await bytes(own.body)).slice(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
    await expectAppError(openFeeNoteFile({ actor: victim.portal.actor, feeNoteId: note.id, kind: 'ubl', context: c }), 'NOT_FOUND');
    await expectAppError(openFeeNoteFile({ actor: attacker.portal.actor, feeNoteId: note.id, kind: 'pdf', context: c }), 'NOT_FOUND');
    const sameFirm = await createClient(victim.firm, { withPortal: true });
    await expectAppError(openFeeNoteFile({ actor: sameFirm.actor, feeNoteId: note.id, kind: 'pdf', context: c }), 'NOT_FOUND');
    expect((await listPortalFeeNotes({ actor: victim.portal.actor, caseId: victim.kase.id })).map((row) => row.number)).toEqual(['2026/0001']);
    expect(await listPortalFeeNotes({ actor: sameFirm.actor, caseId: victim.kase.id })).toEqual([]);
    expect(await listPortalFeeNotes({ actor: attacker.portal.actor, caseId: victim.kase.id })).toEqual([]);
  });
});

describe('erasure of a client with fee notes', () => {
  it('is refused while a note is within the 7 accounting years, then deletes the notes with their files', async () => {
    const w = await world('Erasure and fee notes');
    await withBillingDetails(w.firm, w.admin);
    await fee(w, '500');
    const note = await issue(w, DUTCH_EMPLOYER);
    const row = await db.feeNote.findUniqueOrThrow({ where: { id: note.id } });
    await db.case.update({ where: { id: w.kase.id }, data: { stage: 'CLOSED', closedAt: new Date('2026-12-08T10:00:00Z') } });
    const input = { clientId: w.portal.client.id, confirmFileNumber: w.portal.client.fileNumber };
    // The firm's 5-year retention has ended in 2033, the note of 2026 is kept until the end of 2033.
    const refused = await expectAppError(eraseClient({ actor: w.admin.actor, input, context: newContext(), today: '2033-06-01' }), 'CONFLICT');
    expect(refused.userMessage).toBe('feeNotes.errors.erasureKept');
    expect(await db.feeNote.count({ where: { id: note.id } })).toBe(1);
    expect(await db.client.findUniqueOrThrow({ where: { id: w.portal.client.id } })).toMatchObject({ deletedAt: null });

    await eraseClient({ actor: w.admin.actor, input, context: newContext(), today: '2034-01-01' });
    expect(await db.feeNote.count({ where: { id: note.id } })).toBe(0);
    expect(await db.feeNoteLine.count({ where: { feeNoteId: note.id } })).toBe(0);
    expect(await getStorage().exists(row.pdfStorageKey!)).toBe(false);
    expect(await getStorage().exists(row.ublStorageKey!)).toBe(false);
  });
});
