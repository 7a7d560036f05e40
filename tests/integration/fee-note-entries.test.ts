import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAppError, newContext } from './support/fixtures';
import { fee, issue, time, withBillingDetails, world } from './support/fee-note-world';
import { setupTestDatabase } from './support/test-database';

// What goes on a fee note before it is issued: time and fixed fees on a case, who may enter and remove them, and
// entries taken from the firm's service catalogue. Issuing, VAT, files and isolation are in fee-notes.test.ts.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-fee-entries-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { addTimeEntry } = await import('@/lib/server/billing/add-time-entry');
const { addFeeItem } = await import('@/lib/server/billing/add-fee-item');
const { removeTimeEntry } = await import('@/lib/server/billing/remove-time-entry');
const { removeFeeItem } = await import('@/lib/server/billing/remove-fee-item');
const { listCaseBillables } = await import('@/lib/server/billing/list-case-billables');

const db = getDb();
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

describe('time and fixed fees', () => {
  it('assistants record time but cannot issue; removal is of one’s own unbilled entries; a billed entry stays', async () => {
    const w = await world('Time and fees');
    await withBillingDetails(w.firm, w.admin);
    const mine = await time(w, 90);
    const advisorTime = await time(w, 30, w.advisor.actor);
    const flat = await fee(w, '750,00');
    await expectAppError(addTimeEntry({ actor: w.assistant.actor, input: { caseId: w.kase.id, workedOn: '2026-12-02', minutes: 0, description: 'x', rate: '12.345' }, context: newContext() }), 'VALIDATION');

    const listed = await listCaseBillables({ actor: w.assistant.actor, caseId: w.kase.id });
    expect(listed.time.map((row) => [row.minutes, row.amountCents, row.mayRemove])).toEqual([[90, 18_750, true], [30, 6250, false]]);
    expect(listed.fees.map((row) => [row.amountCents, row.mayRemove])).toEqual([[75_000, false]]);
    expect(listed.totalExclCents).toBe(18_750 + 6250 + 75_000);

    await expectAppError(issue({ ...w, advisor: w.assistant }), 'FORBIDDEN');
    await expectAppError(removeTimeEntry({ actor: w.assistant.actor, input: { timeEntryId: advisorTime.id }, context: newContext() }), 'FORBIDDEN');
    await expectAppError(removeFeeItem({ actor: w.assistant.actor, input: { feeItemId: flat.id }, context: newContext() }), 'FORBIDDEN');
    await removeTimeEntry({ actor: w.assistant.actor, input: { timeEntryId: mine.id }, context: newContext() });

    const note = await issue(w);
    expect(note).toMatchObject({ number: '2026/0001', totalExclCents: 6250 + 75_000 });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: advisorTime.id } })).toMatchObject({ feeNoteId: note.id });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ feeNoteId: null, deletedAt: expect.any(Date) });
    expect((await expectAppError(removeFeeItem({ actor: w.advisor.actor, input: { feeItemId: flat.id }, context: newContext() }), 'CONFLICT')).userMessage).toBe('feeNotes.errors.billed');
    await expectAppError(removeTimeEntry({ actor: w.advisor.actor, input: { timeEntryId: advisorTime.id }, context: newContext() }), 'CONFLICT');
    expect((await expectAppError(issue(w), 'VALIDATION')).userMessage).toBe('feeNotes.errors.nothing');
    const audit = (await db.auditLog.findMany({ where: { firmId: w.firm.id, entity: 'fee_note' }, orderBy: { id: 'asc' } })).map((row) => row.action);
    expect(audit).toEqual(['fee_note.time_added', 'fee_note.time_added', 'fee_note.fee_added', 'fee_note.time_removed', 'fee_note.issued']);
  });

  it('an entry picked from the catalogue takes its name in the client’s language, its fee and VAT unless typed; blank without a service is refused', async () => {
    const w = await world('Catalogue entries', 'fr');
    const fixed = await db.service.create({ data: { firmId: w.firm.id, name: { en: 'Single permit file', fr: 'Dossier de permis unique' }, feeKind: 'FIXED', feeCents: 90_000, vatRateBasisPoints: 2100 } });
    const hourly = await db.service.create({ data: { firmId: w.firm.id, name: { en: 'Advice' }, feeKind: 'HOURLY', feeCents: 15_000, vatRateBasisPoints: 0 } });
    const c = newContext();
    const item = await addFeeItem({ actor: w.assistant.actor, input: { caseId: w.kase.id, performedOn: '2026-12-01', serviceId: fixed.id, description: '', unit: '', vatRateBasisPoints: '' }, context: c });
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ description: 'Dossier de permis unique', unitCents: 90_000, vatRateBasisPoints: 2100, serviceId: fixed.id });
    const typed = await addFeeItem({ actor: w.assistant.actor, input: { caseId: w.kase.id, performedOn: '2026-12-01', serviceId: fixed.id, description: 'Renewal only', unit: '400', vatRateBasisPoints: '600' }, context: c });
    expect(await db.feeItem.findUniqueOrThrow({ where: { id: typed.id } })).toMatchObject({ description: 'Renewal only', unitCents: 40_000, vatRateBasisPoints: 600 });
    const hour = await addTimeEntry({ actor: w.assistant.actor, input: { caseId: w.kase.id, workedOn: '2026-12-02', minutes: 30, serviceId: hourly.id }, context: c });
    // The French name is missing: the English one every service has.
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: hour.id } })).toMatchObject({ description: 'Advice', rateCents: 15_000, vatRateBasisPoints: 0 });

    // Without a service, or with one that has no amount of that kind, the blank field is named and nothing is written.
    const noService = await expectAppError(addFeeItem({ actor: w.assistant.actor, input: { caseId: w.kase.id, performedOn: '2026-12-01', description: '', unit: '10' }, context: c }), 'VALIDATION');
    expect((noService as unknown as { details: unknown }).details).toMatchObject({ fieldErrors: { description: ['required'] } });
    const hourlyAsFee = await expectAppError(addFeeItem({ actor: w.assistant.actor, input: { caseId: w.kase.id, performedOn: '2026-12-01', serviceId: hourly.id }, context: c }), 'VALIDATION');
    expect((hourlyAsFee as unknown as { details: unknown }).details).toMatchObject({ fieldErrors: { unit: ['required'] } });
    await expectAppError(addTimeEntry({ actor: w.assistant.actor, input: { caseId: w.kase.id, workedOn: '2026-12-02', minutes: 30, serviceId: fixed.id }, context: c }), 'VALIDATION');
    expect(await db.feeItem.count({ where: { caseId: w.kase.id } })).toBe(2);
    expect(await db.timeEntry.count({ where: { caseId: w.kase.id } })).toBe(1);
  });
});
