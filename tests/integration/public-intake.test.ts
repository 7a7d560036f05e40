import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, newContext } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits, LIMITS } = await import('@/lib/auth/rate-limit');
const { publishSlot } = await import('@/lib/server/consultation/publish-slot');
const { submitIntake } = await import('@/lib/server/inquiry/submit-intake');
const { issueIntakeFormToken } = await import('@/lib/server/inquiry/intake-form-token');
const { getStorage } = await import('@/lib/storage/get-storage');
const { POST } = await import('@/app/f/[slug]/intake/route');

const db = getDb();
afterAll(() => closeRateLimits());

// The form was shown a minute ago: long enough for a person, well inside a day.
const SHOWN_AT = () => new Date(Date.now() - 60_000);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function openFirm(label: string) {
  const staff = await createFirmWithStaff(label);
  await db.firm.update({ where: { id: staff.firm.id }, data: { publicPageEnabled: true } });
  const { slotId } = await publishSlot({
    actor: staff.advisor.actor,
    input: { advisorId: staff.advisor.user.id, startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMinutes: '45', priceCents: '2900', mode: 'PHONE' },
    context: newContext(),
  });
  return { ...staff, slotId };
}

const answers = (firmId: string, extra: Record<string, string> = {}) => ({
  formToken: issueIntakeFormToken(firmId, SHOWN_AT()),
  website: '',
  firstName: 'Amina',
  lastName: 'El Idrissi',
  email: `amina.${Math.random().toString(36).slice(2, 8)}@people.example.test`,
  phone: '+32 470 12 34 56',
  language: 'fr',
  nationality: 'MA',
  birthDate: '1991-04-12',
  residenceCountry: 'BE',
  residenceCommune: 'Schaerbeek',
  topic: 'REFUSAL',
  refusalNotifiedOn: '2026-11-30',
  question: 'Ma demande de regroupement familial a été refusée.',
  consent: 'on',
  ...extra,
});

function formRequest(slug: string, fields: Record<string, string>, { ip, letter }: { ip: string; letter?: File }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (letter) body.set('letter', letter);
  return new Request(`http://localhost:3000/f/${slug}/intake`, { method: 'POST', body, headers: { Origin: 'http://localhost:3000', Accept: 'application/json', 'X-Forwarded-For': ip } });
}

const rowsOf = async (firmId: string) => ({
  inquiries: await db.inquiry.count({ where: { firmId } }),
  bookings: await db.consultationBooking.count({ where: { firmId } }),
});

describe('the public intake form', () => {
  it('keeps the inquiry, the letter and the booking together, with the days left to appeal, and no number in clear', async () => {
    const { firm, slotId } = await openFirm('Intake');
    const now = new Date('2026-12-07T10:00:00Z');
    // A valid number: the check digits are 97 minus the first nine digits modulo 97.
    const base = '910412123';
    const nationalRegisterNumber = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
    const input = { ...answers(firm.id), formToken: issueIntakeFormToken(firm.id, new Date(now.getTime() - 60_000)), slotId, nationalRegisterNumber };
    const result = await submitIntake({ firmSlug: firm.slug, input, letter: { name: 'décision.pdf', body: PDF }, context: newContext(), now });

    // Notified Mon 30 Nov 2026: day 30 is Wed 30 Dec, a working day.
    expect(result.appeal).toEqual({ dueOn: '2026-12-30', daysLeft: 23 });
    const inquiry = await db.inquiry.findUniqueOrThrow({ where: { id: result.inquiryId! } });
    expect(inquiry).toMatchObject({ firmId: firm.id, status: 'BOOKED', firstName: 'Amina', topic: 'REFUSAL', language: 'fr', letterMimeType: 'application/pdf', letterFileName: 'décision.pdf', letterSizeBytes: PDF.length });
    expect(inquiry.appealDueOn?.toISOString().slice(0, 10)).toBe('2026-12-30');
    expect(JSON.stringify(inquiry)).not.toContain(nationalRegisterNumber);
    expect(inquiry.nationalRegisterNumberHash).toMatch(/\S{20,}/);
    const booking = await db.consultationBooking.findUniqueOrThrow({ where: { id: inquiry.bookingId! } });
    expect(booking).toMatchObject({ slotId, email: input.email, language: 'fr', cancelledAt: null });
    const stored = await getStorage().get(inquiry.letterStorageKey!);
    expect(stored.size).toBe(PDF.length);
    stored.body.destroy();
    // The confirmation with its invitation is queued with the booking, in the person's language.
    const [confirmation] = await db.emailOutbox.findMany({ where: { firmId: firm.id, template: 'booking-confirmation' } });
    expect(confirmation).toMatchObject({ toEmail: input.email, locale: 'fr' });
    expect(JSON.stringify(confirmation!.attachments)).toContain('.ics');
    expect((await db.auditLog.findMany({ where: { firmId: firm.id, actorKind: 'ANONYMOUS' }, orderBy: { id: 'asc' } })).map((row) => row.action)).toEqual(['consultation.booked', 'inquiry.received']);
  });

  it('answers a blocked IP in the person’s language and keeps nothing', async () => {
    const { firm } = await openFirm('Intake');
    const ip = newContext().ip!;
    for (let i = 0; i < LIMITS.intakePerIp.points; i++) {
      // Every attempt counts, even one the form refuses.
      const response = await POST(formRequest(firm.slug, { ...answers(firm.id), email: 'not-an-address' }, { ip }), { params: Promise.resolve({ slug: firm.slug }) });
      expect(response.status).toBe(422);
    }
    const before = await rowsOf(firm.id);
    const blocked = await POST(formRequest(firm.slug, answers(firm.id, { language: 'fr' }), { ip }), { params: Promise.resolve({ slug: firm.slug }) });
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringMatching(/^Trop de messages ont été envoyés d'ici\. Réessayez dans \d+ minutes?\.$/) });
    const german = await POST(formRequest(firm.slug, answers(firm.id, { language: 'de' }), { ip }), { params: Promise.resolve({ slug: firm.slug }) });
    expect((await german.json()).message).toMatch(/^Von hier wurden zu viele Nachrichten gesendet/);
    expect(await rowsOf(firm.id)).toEqual(before);
    expect(before).toEqual({ inquiries: 0, bookings: 0 });
    // Another address is not blocked by it.
    const other = await POST(formRequest(firm.slug, answers(firm.id), { ip: newContext().ip! }), { params: Promise.resolve({ slug: firm.slug }) });
    expect(other.status).toBe(201);
  });

  it('limits one email address across IPs', async () => {
    const { firm } = await openFirm('Intake');
    const email = 'same.person@people.example.test';
    for (let i = 0; i < LIMITS.intakePerEmail.points; i++) await submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { email }), context: newContext() });
    const refused = await expectAppError(submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { email }), context: newContext() }), 'RATE_LIMITED');
    expect(refused.userMessage).toBe('RATE_LIMITED');
    expect((await rowsOf(firm.id)).inquiries).toBe(LIMITS.intakePerEmail.points);
  });

  it('answers a filled honeypot as if it worked, and keeps nothing', async () => {
    const { firm } = await openFirm('Intake');
    const response = await POST(formRequest(firm.slug, answers(firm.id, { website: 'https://spam.example' }), { ip: newContext().ip! }), { params: Promise.resolve({ slug: firm.slug }) });
    expect(response.status).toBe(201);
    expect(await rowsOf(firm.id)).toEqual({ inquiries: 0, bookings: 0 });
  });

  it('refuses a form sent seconds after it was shown, a made-up or another firm’s form token, and an old one', async () => {
    const { firm } = await openFirm('Intake');
    const other = await openFirm('Intake other');
    const now = new Date();
    const tooFast = await expectAppError(submitIntake({ firmSlug: firm.slug, input: { ...answers(firm.id), formToken: issueIntakeFormToken(firm.id, new Date(now.getTime() - 1000)) }, context: newContext(), now }), 'VALIDATION');
    expect(tooFast.userMessage).toBe('publicPage.errors.tooFast');
    for (const formToken of [`${now.getTime() - 60_000}.forged`, issueIntakeFormToken(other.firm.id, SHOWN_AT()), issueIntakeFormToken(firm.id, new Date(now.getTime() - 25 * 3600_000)), '']) {
      const refused = await expectAppError(submitIntake({ firmSlug: firm.slug, input: { ...answers(firm.id), formToken }, context: newContext(), now }), 'VALIDATION');
      expect(refused.userMessage).toBe('publicPage.errors.formExpired');
    }
    expect(await rowsOf(firm.id)).toEqual({ inquiries: 0, bookings: 0 });
  });

  it('gives the last free time to one of two people sending the form at the same moment; the other keeps nothing and is told', async () => {
    const { firm, slotId } = await openFirm('Intake');
    const outcomes = await Promise.allSettled([
      submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { slotId, firstName: 'Amina' }), context: newContext() }),
      submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { slotId, firstName: 'Ivan' }), context: newContext() }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string; userMessage: string }] : []))).toEqual([
      expect.objectContaining({ code: 'CONFLICT', userMessage: 'publicPage.errors.slotTaken' }),
    ]);
    expect(await rowsOf(firm.id)).toEqual({ inquiries: 1, bookings: 1 });
    expect(await db.emailOutbox.count({ where: { firmId: firm.id, template: 'booking-confirmation' } })).toBe(1);
  });

  it('does not book another firm’s slot, a taken one, or write to a firm without a public page', async () => {
    const { firm, slotId } = await openFirm('Intake');
    const other = await openFirm('Intake other');
    const gone = await expectAppError(submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { slotId: other.slotId }), context: newContext() }), 'NOT_FOUND');
    expect(gone.userMessage).toBe('publicPage.errors.slotGone');
    await submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { slotId }), context: newContext() });
    const taken = await expectAppError(submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { slotId }), context: newContext() }), 'CONFLICT');
    expect(taken.userMessage).toBe('publicPage.errors.slotTaken');
    expect(await rowsOf(firm.id)).toEqual({ inquiries: 1, bookings: 1 });
    expect(await rowsOf(other.firm.id)).toEqual({ inquiries: 0, bookings: 0 });

    await db.firm.update({ where: { id: other.firm.id }, data: { publicPageEnabled: false } });
    await expectAppError(submitIntake({ firmSlug: other.firm.slug, input: answers(other.firm.id), context: newContext() }), 'NOT_FOUND');
    expect(await rowsOf(other.firm.id)).toEqual({ inquiries: 0, bookings: 0 });
  });

  it('refuses a letter that is not a document by its bytes, a missing refusal date and a future one, and keeps nothing', async () => {
    const { firm } = await openFirm('Intake');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    const letter = await expectAppError(submitIntake({ firmSlug: firm.slug, input: answers(firm.id), letter: { name: 'letter.pdf', body: zip }, context: newContext() }), 'VALIDATION');
    expect(letter.userMessage).toBe('publicPage.errors.letter.archiveOrExecutable');
    const keys: string[] = [];
    for await (const key of getStorage().list()) if (key.startsWith(`${firm.id}/`)) keys.push(key);
    expect(keys).toEqual([]);

    const missing = await POST(formRequest(firm.slug, answers(firm.id, { refusalNotifiedOn: '', language: 'nl' }), { ip: newContext().ip! }), { params: Promise.resolve({ slug: firm.slug }) });
    expect(await missing.json()).toMatchObject({ code: 'VALIDATION', fields: { refusalNotifiedOn: 'Vul de datum in waarop de beslissing u werd betekend.' } });
    await expectAppError(submitIntake({ firmSlug: firm.slug, input: answers(firm.id, { refusalNotifiedOn: '2099-01-01' }), context: newContext() }), 'VALIDATION');
    expect(await rowsOf(firm.id)).toEqual({ inquiries: 0, bookings: 0 });
  });
});
