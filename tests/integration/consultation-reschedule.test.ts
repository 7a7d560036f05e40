import { describe, expect, it } from 'vitest';
import { parseIcal, prop } from '../support/ical';
import { setupTestDatabase } from './support/test-database';
import { addMember, createFirmWithStaff, expectAppError, newContext } from './support/fixtures';
import { book, brusselsAt, liveBookingOn, NOW, publish } from './support/consultation-world';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { newToken } = await import('@/lib/auth/secrets');
const { rescheduleBooking } = await import('@/lib/server/consultation/reschedule-booking');
const { cancelBooking } = await import('@/lib/server/consultation/cancel-booking');
const { withdrawSlot } = await import('@/lib/server/consultation/withdraw-slot');
const { listFreeSlots } = await import('@/lib/server/consultation/list-free-slots');
const { getBookingByToken } = await import('@/lib/server/consultation/get-booking-by-token');
const { bookSlot } = await import('@/lib/server/consultation/book-slot');

const db = getDb();
const move = (token: string, slotId: string) => rescheduleBooking({ input: { token, slotId }, context: newContext(), now: NOW });
const freeIds = async (firmSlug: string) => (await listFreeSlots({ firmSlug, now: NOW })).map((slot) => slot.id);
const outboxFor = (to: string) => db.emailOutbox.findMany({ where: { toEmail: to }, orderBy: { createdAt: 'asc' } });
const icsOf = (row: { attachments: unknown }) => parseIcal((row.attachments as { content: string }[])[0]!.content);

describe('moving a booking by its emailed link', () => {
  it('moves it to the new time, frees the old one, and confirms again with the same invitation at a higher SEQUENCE', async () => {
    const { firm, advisor } = await createFirmWithStaff('Move');
    const first = await publish(advisor, { startsAt: brusselsAt('2031-03-12', 10) });
    const second = await publish(advisor, { startsAt: brusselsAt('2031-03-14', 15) });
    const { token, bookingId, email } = await book(firm.slug, first, { name: 'Anna Schmidt', language: 'de' });
    await db.consultationBooking.update({ where: { id: bookingId }, data: { reminderSentAt: NOW } });
    expect(await freeIds(firm.slug)).toEqual([second]);

    expect(await move(token, second)).toEqual({ bookingId, slotId: second, previousSlotId: first });
    expect(await freeIds(firm.slug)).toEqual([first]);
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ slotId: second, sequence: 1, cancelledAt: null, reminderSentAt: null });
    expect(await getBookingByToken({ token, now: NOW })).toMatchObject({ slotId: second, language: 'de' });
    const audit = await db.auditLog.findMany({ where: { firmId: firm.id, action: 'consultation.booking_rescheduled' } });
    expect(audit.map((row) => [row.entityId, row.actorKind])).toEqual([[bookingId, 'ANONYMOUS']]);

    const confirmations = (await outboxFor(email)).filter((row) => row.template === 'booking-confirmation');
    expect(confirmations.map((row) => row.subject)).toEqual([`Ihre Beratung ist gebucht: ${firm.name}`, `Ihre Beratung wurde verschoben: ${firm.name}`]);
    const [before, after] = confirmations.map((row) => icsOf(row).components.find((c) => c.name === 'VEVENT')!);
    expect(prop(after!, 'UID').value).toBe(prop(before!, 'UID').value);
    expect([prop(before!, 'SEQUENCE').value, prop(after!, 'SEQUENCE').value]).toEqual(['0', '1']);
    expect(prop(after!, 'DTSTART').value).toBe('20310314T140000Z');
    expect(confirmations[1]!.text).toContain(`/booking/${token}`);
    // The same advisor: one "moved" notice, no "cancelled" one.
    expect((await outboxFor(advisor.email)).map((row) => row.subject)).toEqual(['Consultation booked: Anna Schmidt', 'Consultation moved: Anna Schmidt']);
  });

  it('gives a slot that someone books at the same moment to exactly one of the two, and changes nothing for the other', async () => {
    const { firm, advisor } = await createFirmWithStaff('Race');
    for (let round = 0; round < 4; round++) {
      const held = await publish(advisor, { startsAt: brusselsAt('2031-04-01', 9 + round) });
      const wanted = await publish(advisor, { startsAt: brusselsAt('2031-04-02', 9 + round) });
      const mover = await book(firm.slug, held, { name: 'Amal Haddad', language: 'fr' });
      const outcomes = await Promise.allSettled([
        move(mover.token, wanted),
        bookSlot({ input: { firmSlug: firm.slug, slotId: wanted, name: 'Ivan Petrov', email: `ivan.${round}@people.example.test`, language: 'en' }, context: newContext(), now: NOW }),
      ]);
      const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string; userMessage: string }] : []));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]!.code).toBe('CONFLICT');
      expect(['booking.errors.slotTaken', 'consultations.slotTaken']).toContain(refusals[0]!.userMessage);
      expect(await db.consultationBooking.count({ where: { slotId: wanted, cancelledAt: null } })).toBe(1);
      const moverRow = await db.consultationBooking.findUniqueOrThrow({ where: { id: mover.bookingId } });
      if (outcomes[0].status === 'fulfilled') expect(moverRow).toMatchObject({ slotId: wanted, sequence: 1 });
      // The move lost: the person still holds their old time, as it was.
      else expect(moverRow).toMatchObject({ slotId: held, sequence: 0, cancelledAt: null });
    }
  });

  it('refuses a taken, withdrawn, past or other firm’s slot, and a wrong or cancelled link, with the booking’s own words and nothing changed', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Refuse');
    const colleague = await addMember(firm, 'ADVISOR', 'Colleague Refuse');
    const other = await createFirmWithStaff('Other Refuse');
    const mine = await publish(advisor, { startsAt: brusselsAt('2031-05-05', 10) });
    const taken = await publish(colleague, { startsAt: brusselsAt('2031-05-06', 10) });
    const withdrawn = await publish(advisor, { startsAt: brusselsAt('2031-05-07', 10) });
    const elsewhere = await publish(other.advisor, { startsAt: brusselsAt('2031-05-08', 10) });
    const past = await db.consultationSlot.create({ data: { firmId: firm.id, advisorId: advisor.user.id, startsAt: brusselsAt('2031-03-01', 10), durationMinutes: 30, priceCents: 0, mode: 'PHONE' } });
    const { token, bookingId } = await book(firm.slug, mine, { name: 'Anna Schmidt', language: 'de' });
    await book(firm.slug, taken, { name: 'Ivan Petrov', language: 'en' });
    await withdrawSlot({ actor: admin.actor, input: { slotId: withdrawn }, context: newContext(), now: NOW });
    const snapshot = async () => [await db.consultationBooking.findMany({ where: { firmId: { in: [firm.id, other.firm.id] } }, orderBy: { id: 'asc' } }), await db.emailOutbox.count(), await db.auditLog.count()];
    const before = await snapshot();

    expect((await expectAppError(move(token, taken), 'CONFLICT')).userMessage).toBe('booking.errors.slotTaken');
    for (const slotId of [withdrawn, elsewhere, past.id, mine, 'cmadeupslot000000000000']) {
      expect((await expectAppError(move(token, slotId), 'NOT_FOUND')).userMessage).toBe('booking.errors.slotGone');
    }
    expect((await expectAppError(move(newToken(), elsewhere), 'NOT_FOUND')).userMessage).toBe('booking.errors.bookingGone');
    await expectAppError(rescheduleBooking({ input: { token, slotId: '' }, context: newContext(), now: NOW }), 'VALIDATION');
    expect(await snapshot()).toEqual(before);

    await cancelBooking({ input: { token }, context: newContext() });
    expect((await expectAppError(move(token, elsewhere), 'NOT_FOUND')).userMessage).toBe('booking.errors.bookingGone');
    expect(await getBookingByToken({ token, now: NOW })).toBeNull();
    expect(await getBookingByToken({ token: newToken(), now: NOW })).toBeNull();
    expect(await liveBookingOn(mine)).toBeNull();
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ slotId: mine });
  });

  it('tells both advisors when a booking moves from one to the other', async () => {
    const { firm, advisor } = await createFirmWithStaff('Handover');
    const colleague = await addMember(firm, 'ADVISOR', 'Colleague Handover');
    await db.user.update({ where: { id: colleague.user.id }, data: { locale: 'fr' } });
    const from = await publish(advisor, { startsAt: brusselsAt('2031-06-02', 10) });
    const to = await publish(colleague, { startsAt: brusselsAt('2031-06-03', 10) });
    const { token } = await book(firm.slug, from, { name: 'Amal Haddad', language: 'nl' });
    await move(token, to);
    expect((await outboxFor(advisor.email)).map((row) => row.subject)).toEqual(['Consultation booked: Amal Haddad', 'Consultation cancelled: Amal Haddad']);
    expect((await outboxFor(colleague.email)).map((row) => row.subject)).toEqual(['Consultation réservée : Amal Haddad']);
  });
});
