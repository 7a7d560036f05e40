import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf, sha256 } from './support/document-files';
import { createFirmWithStaff, expectAppError, firmSnapshot, newContext, unique, writeCounts } from './support/fixtures';
import { nationalRegisterNumber } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// The staff side of inquiries: the list's order (appeals about to run out first), the page, status changes, the
// letter, and every operation refusing another firm's inquiry ids.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-inquiries-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { listInquiries } = await import('@/lib/server/inquiry/list-inquiries');
const { getInquiry } = await import('@/lib/server/inquiry/get-inquiry');
const { updateInquiryStatus } = await import('@/lib/server/inquiry/update-inquiry-status');
const { openInquiryLetter } = await import('@/lib/server/inquiry/open-inquiry-letter');
const { checkInquiryConflicts } = await import('@/lib/server/inquiry/check-inquiry-conflicts');
const { convertInquiry } = await import('@/lib/server/inquiry/convert-inquiry');
const { createInquiry } = await import('./support/inquiry-world');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

const TODAY = '2026-11-23';
const at = (iso: string) => new Date(iso);

describe('the inquiries list', () => {
  it('puts those with fewer than 10 days left to appeal first, nearest first, then the rest newest first', async () => {
    const w = await createFirmWithStaff('Inquiry list');
    const make = (lastName: string, createdAt: string, refusalNotifiedOn: string | null = null, status: 'NEW' | 'CONTACTED' | 'BOOKED' | 'DECLINED' = 'NEW') =>
      createInquiry(w.firm, { lastName, createdAt: at(createdAt), refusalNotifiedOn, topic: refusalNotifiedOn ? 'REFUSAL' : 'OTHER', status });
    // Notified 26 Oct: due Wed 25 Nov, 2 days left. Notified 1 Nov: due Tue 1 Dec, 8 days. Notified 10 Nov: due 10 Dec, 17 days.
    const oldest = await make('Oldest', '2026-11-01T09:00:00Z');
    const twoLeft = await make('TwoLeft', '2026-11-02T09:00:00Z', '2026-10-26', 'CONTACTED');
    const eightLeft = await make('EightLeft', '2026-11-20T09:00:00Z', '2026-11-01', 'BOOKED');
    const plenty = await make('Plenty', '2026-11-21T09:00:00Z', '2026-11-10');
    const passed = await make('Passed', '2026-11-22T09:00:00Z', '2026-09-01');
    const newest = await make('Newest', '2026-11-23T08:00:00Z');
    const declined = await make('Declined', '2026-11-23T09:00:00Z', '2026-11-01', 'DECLINED');

    const open = await listInquiries({ actor: w.assistant.actor, query: {}, today: TODAY });
    expect(open.rows.map((row) => row.id)).toEqual([twoLeft.id, eightLeft.id, newest.id, passed.id, plenty.id, oldest.id]);
    expect(open.rows.slice(0, 2).map((row) => [row.daysLeft, row.urgent])).toEqual([[2, true], [8, true]]);
    expect(open.rows.find((row) => row.id === passed.id)).toMatchObject({ urgent: false, daysLeft: expect.any(Number) });
    expect(open.rows.find((row) => row.id === passed.id)!.daysLeft!).toBeLessThan(0);
    expect(open.total).toBe(6);
    // One status at a time; a filter it does not know is refused (the page then shows the default).
    expect((await listInquiries({ actor: w.assistant.actor, query: { status: 'DECLINED' }, today: TODAY })).rows.map((row) => row.id)).toEqual([declined.id]);
    await expectAppError(listInquiries({ actor: w.assistant.actor, query: { status: 'EVERYTHING' }, today: TODAY }), 'VALIDATION');
    // Another firm sees none of them.
    const other = await createFirmWithStaff('Inquiry list other');
    expect((await listInquiries({ actor: other.admin.actor, query: {}, today: TODAY })).rows).toEqual([]);
  });

  it('shows the booking time of a live booking', async () => {
    const w = await createFirmWithStaff('Inquiry booked');
    const startsAt = at('2027-01-15T09:00:00Z');
    const slot = await db.consultationSlot.create({ data: { firmId: w.firm.id, advisorId: w.advisor.user.id, startsAt, durationMinutes: 30, priceCents: 2900, mode: 'PHONE' } });
    const booking = await db.consultationBooking.create({ data: { firmId: w.firm.id, slotId: slot.id, name: 'Amal', email: 'amal@people.example.test', language: 'fr', tokenHash: sha256(pdf()) } });
    const inquiry = await createInquiry(w.firm, { status: 'BOOKED' });
    await db.inquiry.update({ where: { id: inquiry.id }, data: { bookingId: booking.id } });
    expect((await listInquiries({ actor: w.advisor.actor, query: {}, today: TODAY })).rows).toMatchObject([{ id: inquiry.id, bookedFor: startsAt }]);
  });
});

describe('an inquiry', () => {
  it('is shown with the number in clear and the days left; marked contacted, declined and reopened, audited', async () => {
    const w = await createFirmWithStaff('Inquiry page');
    const nrn = nationalRegisterNumber();
    const inquiry = await createInquiry(w.firm, { nationalRegisterNumber: nrn, refusalNotifiedOn: '2026-11-10', topic: 'REFUSAL', question: 'Line one\n<b>not bold</b>' });
    const page = await getInquiry({ actor: w.assistant.actor, inquiryId: inquiry.id, today: TODAY });
    expect(page).toMatchObject({ nationalRegisterNumber: nrn, appealDueOn: '2026-12-10', daysLeft: 17, question: 'Line one\n<b>not bold</b>', hasLetter: false, conflictMatches: [] });
    expect(page).not.toHaveProperty('nationalRegisterNumberHash');
    expect(page).not.toHaveProperty('nationalRegisterNumberEnc');

    const move = (status: string) => updateInquiryStatus({ actor: w.assistant.actor, input: { inquiryId: inquiry.id, status }, context: newContext() });
    await move('CONTACTED');
    await move('DECLINED');
    expect((await expectAppError(move('CONTACTED'), 'CONFLICT')).userMessage).toBe('inquiries.status.notAllowed');
    await move('NEW');
    await expectAppError(move('CONVERTED'), 'VALIDATION');
    const audit = await db.auditLog.findMany({ where: { firmId: w.firm.id, action: 'inquiry.status_changed' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.diff)).toEqual([
      { before: { status: 'NEW' }, after: { status: 'CONTACTED' } },
      { before: { status: 'CONTACTED' }, after: { status: 'DECLINED' } },
      { before: { status: 'DECLINED' }, after: { status: 'NEW' } },
    ]);
  });

  it('hands its letter to the firm\'s staff, audited', async () => {
    const w = await createFirmWithStaff('Inquiry letter');
    const bytes = pdf();
    const inquiry = await createInquiry(w.firm, { letter: { storage, fileName: 'décision.pdf', mimeType: 'application/pdf', bytes } });
    const file = await openInquiryLetter({ actor: w.assistant.actor, inquiryId: inquiry.id, context: newContext(), storage });
    expect(file).toMatchObject({ fileName: 'décision.pdf', mimeType: 'application/pdf', size: bytes.byteLength });
    expect(sha256(new Uint8Array(Buffer.concat(await file.body.toArray())))).toBe(sha256(bytes));
    expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'inquiry.letter_downloaded', entityId: inquiry.id } })).toBe(1);
    // No letter, no file.
    await expectAppError(openInquiryLetter({ actor: w.assistant.actor, inquiryId: (await createInquiry(w.firm)).id, context: newContext(), storage }), 'NOT_FOUND');
  });

  it("is NOT_FOUND for another firm's staff in every operation, which change nothing", async () => {
    const [w, other] = [await createFirmWithStaff('Inquiry owner'), await createFirmWithStaff('Inquiry intruder')];
    const inquiry = await createInquiry(w.firm, { lastName: `Victim${unique()}`, letter: { storage, fileName: 'letter.pdf', mimeType: 'application/pdf', bytes: pdf() } });
    const input = { inquiryId: inquiry.id };
    await checkInquiryConflicts({ actor: w.advisor.actor, input, context: newContext() });
    const before = { firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), inquiry: await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } }) };
    const actor = other.admin.actor;
    await expectAppError(getInquiry({ actor, inquiryId: inquiry.id }), 'NOT_FOUND');
    await expectAppError(checkInquiryConflicts({ actor, input, context: newContext() }), 'NOT_FOUND');
    await expectAppError(updateInquiryStatus({ actor, input: { ...input, status: 'DECLINED' }, context: newContext() }), 'NOT_FOUND');
    await expectAppError(openInquiryLetter({ actor, inquiryId: inquiry.id, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(convertInquiry({ actor, input: { ...input, nationality: 'MA', language: 'fr', reason: 'x' }, context: newContext(), storage }), 'NOT_FOUND');
    expect((await listInquiries({ actor, query: { status: 'NEW' } })).rows).toEqual([]);
    expect({ firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), inquiry: await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } }) }).toEqual(before);
    expect(await db.client.count({ where: { firmId: other.firm.id } })).toBe(0);
  });
});
