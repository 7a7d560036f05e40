import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, newContext } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { publishSlot } = await import('@/lib/server/consultation/publish-slot');
const { bookSlot } = await import('@/lib/server/consultation/book-slot');
const { cancelBooking } = await import('@/lib/server/consultation/cancel-booking');
const { listFreeSlots } = await import('@/lib/server/consultation/list-free-slots');

const db = getDb();
afterAll(() => closeRateLimits());

const tomorrowAt = (hour: number) => new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15, hour));
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@people.example.test`, language: 'fr' });

async function firmWithSlot(label: string) {
  const staff = await createFirmWithStaff(label);
  const { slotId } = await publishSlot({
    actor: staff.advisor.actor,
    input: { advisorId: staff.advisor.user.id, startsAt: tomorrowAt(9).toISOString(), durationMinutes: '30', priceCents: '2900', mode: 'VIDEO', location: 'https://meet.example.test/room' },
    context: newContext(),
  });
  return { ...staff, slotId };
}

describe('booking a consultation', () => {
  it('gives the last free slot to one of two people booking at the same moment, and a clear refusal to the other', async () => {
    const { firm, slotId } = await firmWithSlot('Booking');
    const outcomes = await Promise.allSettled([
      bookSlot({ input: { firmSlug: firm.slug, slotId, ...person('Amal Haddad') }, context: newContext() }),
      bookSlot({ input: { firmSlug: firm.slug, slotId, ...person('Ivan Petrov') }, context: newContext() }),
    ]);
    const booked = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string; userMessage: string }] : []));
    expect(booked).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: 'CONFLICT', userMessage: 'consultations.slotTaken' })]);
    expect(await db.consultationBooking.count({ where: { slotId } })).toBe(1);
    expect(await listFreeSlots({ firmSlug: firm.slug })).toEqual([]);
    expect(await db.auditLog.count({ where: { firmId: firm.id, action: 'consultation.booked' } })).toBe(1);
  });

  it('frees a cancelled slot at once: the emailed link cancels once, and someone else can book it', async () => {
    const { firm, slotId } = await firmWithSlot('Booking');
    const first = await bookSlot({ input: { firmSlug: firm.slug, slotId, ...person('Amal Haddad') }, context: newContext() });
    await expectAppError(bookSlot({ input: { firmSlug: firm.slug, slotId, ...person('Ivan Petrov') }, context: newContext() }), 'CONFLICT');

    expect(await cancelBooking({ input: { token: first.token }, context: newContext() })).toEqual({ bookingId: first.bookingId, slotId });
    expect((await listFreeSlots({ firmSlug: firm.slug })).map((slot) => slot.id)).toEqual([slotId]);
    const again = await expectAppError(cancelBooking({ input: { token: first.token }, context: newContext() }), 'NOT_FOUND');
    expect(again.userMessage).toBe('booking.errors.bookingGone');

    const second = await bookSlot({ input: { firmSlug: firm.slug, slotId, ...person('Ivan Petrov') }, context: newContext() });
    // Once the consultation has begun, the link no longer cancels it.
    const started = await expectAppError(cancelBooking({ input: { token: second.token }, context: newContext(), now: tomorrowAt(10) }), 'NOT_FOUND');
    expect(started.userMessage).toBe('booking.errors.bookingGone');
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: second.bookingId } })).toMatchObject({ slotId, cancelledAt: null, name: 'Ivan Petrov' });
    // Only the token's hash is stored.
    expect(JSON.stringify(await db.consultationBooking.findMany({ where: { slotId } }))).not.toContain(second.token);
  });

  it('finds no slot of another firm through this firm’s page, and no past or withdrawn slot; nothing is written', async () => {
    const a = await firmWithSlot('Booking');
    const b = await firmWithSlot('Other');
    const past = await db.consultationSlot.create({ data: { firmId: a.firm.id, advisorId: a.advisor.user.id, startsAt: new Date(Date.now() - 3600_000), durationMinutes: 30, priceCents: 0, mode: 'PHONE' } });
    const withdrawn = await db.consultationSlot.create({ data: { firmId: a.firm.id, advisorId: a.advisor.user.id, startsAt: tomorrowAt(11), durationMinutes: 30, priceCents: 0, mode: 'PHONE', withdrawnAt: new Date() } });
    for (const slotId of [b.slotId, past.id, withdrawn.id]) {
      const refusal = await expectAppError(bookSlot({ input: { firmSlug: a.firm.slug, slotId, ...person('Amal Haddad') }, context: newContext() }), 'NOT_FOUND');
      expect(refusal.userMessage).toBe('consultations.slotGone');
    }
    await expectAppError(bookSlot({ input: { firmSlug: a.firm.slug, slotId: a.slotId, name: 'A', email: 'not-an-email', language: 'fr' }, context: newContext() }), 'VALIDATION');
    await expectAppError(bookSlot({ input: { firmSlug: a.firm.slug, slotId: a.slotId, ...person('Amal Haddad'), language: 'es' }, context: newContext() }), 'VALIDATION');
    expect(await db.consultationBooking.count({ where: { firmId: { in: [a.firm.id, b.firm.id] } } })).toBe(0);
    expect((await listFreeSlots({ firmSlug: a.firm.slug })).map((slot) => slot.id)).toEqual([a.slotId]);
  });
});

describe('publishing slots', () => {
  it('lets an advisor publish their own times only, an admin anyone’s in the firm, and refuses bad input with nothing written', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Slots');
    const other = await createFirmWithStaff('OtherSlots');
    const input = (advisorId: string, extra: Record<string, string> = {}) => ({ advisorId, startsAt: tomorrowAt(14).toISOString(), durationMinutes: '45', priceCents: '5000', mode: 'IN_PERSON', location: 'Rue de la Loi 1, Bruxelles', ...extra });
    await expectAppError(publishSlot({ actor: advisor.actor, input: input(admin.user.id), context: newContext() }), 'FORBIDDEN');
    await expectAppError(publishSlot({ actor: admin.actor, input: input(other.advisor.user.id), context: newContext() }), 'NOT_FOUND');
    await expectAppError(publishSlot({ actor: admin.actor, input: input(advisor.user.id, { mode: 'VIDEO', location: 'http://insecure.example.test' }), context: newContext() }), 'VALIDATION');
    await expectAppError(publishSlot({ actor: admin.actor, input: input(advisor.user.id, { startsAt: new Date(Date.now() - 60_000).toISOString() }), context: newContext() }), 'VALIDATION');
    await expectAppError(publishSlot({ actor: admin.actor, input: input(advisor.user.id, { durationMinutes: '5' }), context: newContext() }), 'VALIDATION');
    expect(await db.consultationSlot.count({ where: { firmId: { in: [firm.id, other.firm.id] } } })).toBe(0);

    const { slotId } = await publishSlot({ actor: admin.actor, input: input(advisor.user.id), context: newContext() });
    expect(await db.consultationSlot.findUniqueOrThrow({ where: { id: slotId } })).toMatchObject({ firmId: firm.id, advisorId: advisor.user.id, durationMinutes: 45, priceCents: 5000, mode: 'IN_PERSON' });
  });
});
