import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcal, prop, unescapeText, type IcalComponent } from '../support/ical';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtp-sink';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, newContext } from './support/fixtures';
import { book, brusselsAt, NOW, publish } from './support/consultation-world';

// A booking's emails end to end: the operations write the outbox, deliverDueEmails sends it over nodemailer to a
// real SMTP server in this process, and the test reads what a person's mail client would get, .ics included.

const url = await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { PrismaClient } = await import('@/lib/generated/prisma/client');
const { PrismaPg } = await import('@prisma/adapter-pg');
const { deliverDueEmails } = await import('@/lib/email/deliver-outbox');
const { createMailTransport } = await import('@/lib/email/transport');
const { formatConsultationTime } = await import('@/lib/email/booking-translator');
const { cancelBooking } = await import('@/lib/server/consultation/cancel-booking');
const { withdrawSlot } = await import('@/lib/server/consultation/withdraw-slot');
const { listFreeSlots } = await import('@/lib/server/consultation/list-free-slots');
const { sweepBookingReminders } = await import('@/lib/server/consultation/sweep-booking-reminders');
const { createCalendarFeed } = await import('@/lib/server/calendar/create-calendar-feed');
const { buildCalendarFeed } = await import('@/lib/server/calendar/build-calendar-feed');
const { tokenFromPathSegment } = await import('@/lib/server/calendar/calendar-feed-url');

const db = getDb();
// A second worker, as far as Postgres can tell: its own client and pool.
const otherDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 3 }) });
let sink: SmtpSink;
let transport: NonNullable<ReturnType<typeof createMailTransport>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = createMailTransport(sink.url)!;
});
afterAll(async () => {
  transport.close();
  await otherDb.$disconnect();
  await sink.stop();
});

const deliver = () => deliverDueEmails({ db, transport });
const mailTo = async (to: string, subject: RegExp) => {
  await deliver();
  return sink.waitFor((m) => m.to.includes(to) && subject.test(m.subject), 5_000);
};
const received = (to: string) => sink.messages.filter((m) => m.to.includes(to));
const icsOf = (message: SinkMessage) => {
  const files = message.attachments.filter((a) => a.filename.endsWith('.ics'));
  expect(files).toHaveLength(1);
  expect(files[0]!.contentType).toBe('text/calendar');
  return parseIcal(files[0]!.content);
};
const event = (calendar: IcalComponent) => {
  const events = calendar.components.filter((c) => c.name === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
};
/** 20310312T090000Z: an instant as iCalendar writes it in UTC. */
const icalUtc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('the confirmation of a booking', () => {
  it('reaches a German speaker in German, with an invitation whose start is the slot, and the advisor in their own language', async () => {
    const { firm, advisor } = await createFirmWithStaff('Kanzlei');
    await db.user.update({ where: { id: advisor.user.id }, data: { locale: 'nl' } });
    const startsAt = brusselsAt('2031-03-12', 10, 30);
    const slotId = await publish(advisor, { startsAt, mode: 'VIDEO', location: 'https://meet.example.test/kanzlei', priceCents: 6000 });
    const { token, bookingId, email } = await book(firm.slug, slotId, { name: 'Anna Schmidt', language: 'de' });

    const mail = await mailTo(email, /Ihre Beratung ist gebucht/);
    expect(mail.subject).toBe(`Ihre Beratung ist gebucht: ${firm.name}`);
    expect(mail.text).toContain('Guten Tag Anna Schmidt,');
    // Brussels time, in German: "Mittwoch, 12. März 2031 um 10:30".
    expect(mail.text).toContain(formatConsultationTime('de', startsAt));
    expect(mail.text).toMatch(/10:30/);
    expect(mail.text).toContain('45 Minuten');
    expect(mail.text).toContain('Videoanruf');
    expect(mail.text).toContain('https://meet.example.test/kanzlei');
    expect(mail.text).toMatch(/60,00\s€/);
    expect(mail.text).toContain(`${env().APP_URL}/booking/${token}`);

    const calendar = icsOf(mail);
    expect(prop(calendar, 'METHOD').value).toBe('REQUEST');
    const vevent = event(calendar);
    expect(prop(vevent, 'UID').value).toBe(`consultation-${bookingId}@sejour`);
    expect(prop(vevent, 'DTSTART').value).toBe(icalUtc(startsAt));
    expect(prop(vevent, 'DTSTART').value).toBe('20310312T093000Z');
    expect(prop(vevent, 'DTEND').value).toBe('20310312T101500Z');
    expect(prop(vevent, 'SEQUENCE').value).toBe('0');
    expect(unescapeText(prop(vevent, 'SUMMARY').value)).toBe(`Beratung mit ${advisor.user.name} (${firm.name})`);
    expect(prop(vevent, 'ATTENDEE').value.toLowerCase()).toBe(`mailto:${email}`);
    expect(prop(vevent, 'ORGANIZER').value.toLowerCase()).toBe(`mailto:${advisor.email}`);

    const notice = await mailTo(advisor.email, /Consultatie geboekt/);
    expect(notice.subject).toBe('Consultatie geboekt: Anna Schmidt');
    expect(notice.text).toContain(email);
    expect(notice.text).toContain('Deutsch');
    expect(notice.attachments).toEqual([]);
  });

  it('reaches a French speaker in French; a phone consultation says the advisor calls their number', async () => {
    const { firm, advisor } = await createFirmWithStaff('Cabinet');
    const startsAt = brusselsAt('2031-07-01', 14);
    const slotId = await publish(advisor, { startsAt, mode: 'PHONE', priceCents: 0 });
    const { email } = await book(firm.slug, slotId, { name: 'Amal Haddad', language: 'fr', phone: '+32 470 12 34 56' });

    const mail = await mailTo(email, /Votre consultation est réservée/);
    expect(mail.text).toContain('Bonjour Amal Haddad,');
    expect(mail.text).toContain(formatConsultationTime('fr', startsAt));
    expect(mail.text).toMatch(/14:00/);
    expect(mail.text).toContain('Le conseiller vous appellera au +32 470 12 34 56.');
    expect(mail.text).toContain('Gratuit');
    // Summer time: 14:00 in Brussels is 12:00 UTC.
    expect(prop(event(icsOf(mail)), 'DTSTART').value).toBe('20310701T120000Z');
  });
});

describe('withdrawing a slot', () => {
  it('cancels its booking and tells the person in their language, with a calendar cancellation and the firm’s page', async () => {
    const { firm, advisor } = await createFirmWithStaff('Intrekken');
    const slotId = await publish(advisor, { mode: 'IN_PERSON' });
    const { bookingId, email } = await book(firm.slug, slotId, { name: 'Ivan Petrov', language: 'nl' });

    expect(await withdrawSlot({ actor: advisor.actor, input: { slotId }, context: newContext(), now: NOW })).toEqual({ slotId, cancelledBookingId: bookingId });
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ cancelledAt: expect.any(Date) });
    expect(await listFreeSlots({ firmSlug: firm.slug, now: NOW })).toEqual([]);

    const mail = await mailTo(email, /geannuleerd/);
    expect(mail.subject).toBe(`Uw consultatie bij ${firm.name} is geannuleerd`);
    expect(mail.text).toContain(`${env().APP_URL}/f/${firm.slug}`);
    const calendar = icsOf(mail);
    expect(prop(calendar, 'METHOD').value).toBe('CANCEL');
    expect(prop(event(calendar), 'UID').value).toBe(`consultation-${bookingId}@sejour`);
    expect(Number(prop(event(calendar), 'SEQUENCE').value)).toBeGreaterThan(0);
    expect((await db.auditLog.findMany({ where: { firmId: firm.id, action: 'consultation.slot_withdrawn' } })).map((row) => row.entityId)).toEqual([slotId]);
  });

  it('refuses another advisor’s slot (FORBIDDEN) and another firm’s (NOT_FOUND), and changes nothing; an admin may withdraw any', async () => {
    const { firm, admin, advisor } = await createFirmWithStaff('Withdraw');
    const colleague = await (await import('./support/fixtures')).addMember(firm, 'ADVISOR', 'Colleague Withdraw');
    const other = await createFirmWithStaff('Elsewhere');
    const slotId = await publish(advisor);
    const { bookingId } = await book(firm.slug, slotId, { name: 'Amal Haddad', language: 'en' });
    const outbox = await db.emailOutbox.count();

    await expectAppError(withdrawSlot({ actor: colleague.actor, input: { slotId }, context: newContext(), now: NOW }), 'FORBIDDEN');
    await expectAppError(withdrawSlot({ actor: other.admin.actor, input: { slotId }, context: newContext(), now: NOW }), 'NOT_FOUND');
    await expectAppError(withdrawSlot({ actor: other.advisor.actor, input: { slotId }, context: newContext(), now: NOW }), 'NOT_FOUND');
    expect(await db.consultationSlot.findUniqueOrThrow({ where: { id: slotId } })).toMatchObject({ withdrawnAt: null });
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ cancelledAt: null });
    expect(await db.emailOutbox.count()).toBe(outbox);
    expect(await db.auditLog.count({ where: { action: 'consultation.slot_withdrawn' , firmId: { in: [firm.id, other.firm.id] } } })).toBe(0);

    await withdrawSlot({ actor: admin.actor, input: { slotId }, context: newContext(), now: NOW });
    expect(await db.consultationSlot.findUniqueOrThrow({ where: { id: slotId } })).toMatchObject({ withdrawnAt: NOW });
    await expectAppError(withdrawSlot({ actor: admin.actor, input: { slotId }, context: newContext(), now: NOW }), 'NOT_FOUND');
  });
});

describe('the reminder the day before', () => {
  it('goes once to a booking starting tomorrow even with two sweeps at once, in its language, and not to cancelled or later ones', async () => {
    const { firm, advisor } = await createFirmWithStaff('Reminder');
    const tomorrow = await publish(advisor, { startsAt: brusselsAt('2031-03-11', 9) });
    const cancelled = await publish(advisor, { startsAt: brusselsAt('2031-03-11', 11) });
    const later = await publish(advisor, { startsAt: brusselsAt('2031-03-12', 9) });
    const due = await book(firm.slug, tomorrow, { name: 'Anna Schmidt', language: 'de' });
    const gone = await book(firm.slug, cancelled, { name: 'Ivan Petrov', language: 'en' });
    const notYet = await book(firm.slug, later, { name: 'Amal Haddad', language: 'fr' });
    await cancelBooking({ input: { token: gone.token }, context: newContext() });

    // Before 07:00 nothing goes: "tomorrow" is not yet the next day's consultations, and a booking made at night
    // for later the same day is never announced as tomorrow's.
    expect(await sweepBookingReminders({ db, now: brusselsAt('2031-03-10', 6, 59) })).toEqual({ queued: 0 });
    expect(await sweepBookingReminders({ db, now: brusselsAt('2031-03-11', 1) })).toEqual({ queued: 0 });
    const [first, second] = await Promise.all([sweepBookingReminders({ db, now: NOW }), sweepBookingReminders({ db: otherDb, now: NOW })]);
    expect(first.queued + second.queued).toBe(1);
    expect(await sweepBookingReminders({ db, now: NOW })).toEqual({ queued: 0 });

    const mail = await mailTo(due.email, /Erinnerung/);
    expect(mail.subject).toBe(`Erinnerung: Ihre Beratung morgen bei ${firm.name}`);
    expect(mail.text).toContain(formatConsultationTime('de', brusselsAt('2031-03-11', 9)));
    expect(received(due.email).filter((m) => /Erinnerung/.test(m.subject))).toHaveLength(1);
    expect(received(gone.email).filter((m) => /^Reminder:/.test(m.subject))).toEqual([]);
    expect(received(notYet.email).filter((m) => /^Rappel/.test(m.subject))).toEqual([]);
    expect(await db.consultationBooking.findUniqueOrThrow({ where: { id: due.bookingId } })).toMatchObject({ reminderSentAt: NOW });

    // The next day, the later one's turn; the first is not reminded again.
    await sweepBookingReminders({ db, now: brusselsAt('2031-03-11', 7, 30) });
    expect((await mailTo(notYet.email, /Rappel/)).subject).toBe(`Rappel : votre consultation demain chez ${firm.name}`);
    expect(received(due.email).filter((m) => /Erinnerung/.test(m.subject))).toHaveLength(1);
  });
});

describe('the advisor’s calendar feed', () => {
  it('lists a booked consultation with the person’s name, time and link, and drops it once cancelled', async () => {
    const { firm, advisor, admin } = await createFirmWithStaff('Feed');
    const startsAt = brusselsAt('2031-03-12', 10);
    const slotId = await publish(advisor, { startsAt, mode: 'VIDEO', location: 'https://meet.example.test/feed' });
    await publish(advisor, { startsAt: brusselsAt('2031-03-13', 10) });
    const adminSlot = await publish(admin, { startsAt: brusselsAt('2031-03-12', 15) });
    const { token, bookingId } = await book(firm.slug, slotId, { name: 'Zoë; Mbeki, Jr.', language: 'en' });
    await book(firm.slug, adminSlot, { name: 'Not Mine', language: 'en' });
    // A name with a line break cannot come through the forms; written straight to the row, it still cannot plant an event.
    await db.consultationBooking.update({ where: { id: bookingId }, data: { name: 'Zoë; Mbeki,\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:planted' } });

    const { url: feedUrl } = await createCalendarFeed({ actor: advisor.actor });
    const feedToken = tokenFromPathSegment(new URL(feedUrl).pathname.split('/').at(-1) ?? '')!;
    const feed = parseIcal((await buildCalendarFeed({ token: feedToken, asOf: '2031-03-10' }))!);
    const events = feed.components.filter((c) => c.name === 'VEVENT');
    // Only the booked slot of this advisor; free slots and a colleague's bookings are not in it.
    expect(events.map((e) => prop(e, 'UID').value)).toEqual([`consultation-${bookingId}@sejour`]);
    const [consultation] = events;
    expect(unescapeText(prop(consultation!, 'SUMMARY').value)).toBe('Consultation: Zoë; Mbeki,\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:planted');
    expect(prop(consultation!, 'DTSTART').value).toBe(icalUtc(startsAt));
    expect(unescapeText(prop(consultation!, 'LOCATION').value)).toBe('https://meet.example.test/feed');
    expect(unescapeText(prop(consultation!, 'DESCRIPTION').value)).toContain('Video call');

    await db.consultationBooking.update({ where: { id: bookingId }, data: { name: 'Zoë Mbeki' } });
    await cancelBooking({ input: { token }, context: newContext() });
    const after = parseIcal((await buildCalendarFeed({ token: feedToken, asOf: '2031-03-10' }))!);
    expect(after.components.filter((c) => c.name === 'VEVENT')).toEqual([]);
    // The advisor heard about the cancellation too.
    expect((await mailTo(advisor.email, /Consultation cancelled/)).text).toContain('the time is free again');
  });
});
