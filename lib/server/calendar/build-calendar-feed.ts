import ical from 'ical-generator';
import { createTranslator } from 'use-intl/core';
import { hashToken } from '@/lib/auth/secrets';
import { addDaysPlain, brusselsDate, toDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import type { AppLocale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en/calendar.json';
import fr from '@/lib/i18n/messages/fr/calendar.json';
import nl from '@/lib/i18n/messages/nl/calendar.json';
import { PUBLIC_LOCALE_NAMES } from '@/lib/i18n/public-locales';
import { ruleLabel } from '@/lib/rules/labels';
import { bookingLanguage } from '@/lib/server/consultation/booking-details';
import { bookingUid } from '@/lib/server/consultation/booking-invitation';

// The feed is fetched by Outlook or Google, not by a browser: no session, no next-intl request. The secret URL
// is the only credential, so the membership is found by the token's hash and must still be active.

const catalogues: Record<AppLocale, typeof en> = { en, nl: nl as typeof en, fr: fr as typeof en };

/** A calendar app shows the recent past and the months ahead; a bounded window keeps the feed small at any size. */
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 730;
const FEED_MAX_EVENTS = 5000;

const caseSelect = { select: { id: true, reference: true, client: { select: { firstName: true, lastName: true } } } } as const;

/** The iCalendar text of the person's feed, or null when the token is unknown, revoked or the member deactivated. */
export async function buildCalendarFeed({ token, asOf = brusselsDate() }: { token: string; asOf?: PlainDate }): Promise<string | null> {
  const db = getDb();
  const membership = await db.membership.findUnique({
    where: { icalTokenHash: hashToken(token) },
    select: { firmId: true, userId: true, deactivatedAt: true, user: { select: { locale: true } }, firm: { select: { name: true } } },
  });
  if (!membership || membership.deactivatedAt) return null;
  const { firmId, userId } = membership;
  const locale: AppLocale = membership.user.locale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'calendar.feed', timeZone: 'Europe/Brussels' });

  const dueOn = { gte: toDbDate(addDaysPlain(asOf, -FEED_PAST_DAYS)), lte: toDbDate(addDaysPlain(asOf, FEED_FUTURE_DAYS)) };
  const liveCase = { firmId, deletedAt: null, closedAt: null, stage: { not: 'CLOSED' as const } };
  const myCase = { ...liveCase, assignedToId: userId };
  const orderBy = [{ dueOn: 'asc' as const }, { id: 'asc' as const }];
  const [deadlines, tasks, bookings] = await Promise.all([
    db.deadline.findMany({
      where: { firmId, status: 'OPEN', dueOn, case: myCase },
      orderBy,
      take: FEED_MAX_EVENTS,
      select: { id: true, kind: true, dueOn: true, basis: true, confidence: true, actor: true, disputed: true, updatedAt: true, case: caseSelect },
    }),
    db.task.findMany({
      where: { firmId, doneAt: null, dueOn, OR: [{ assigneeId: userId, case: liveCase }, { assigneeId: null, case: myCase }] },
      orderBy,
      take: FEED_MAX_EVENTS,
      select: { id: true, title: true, dueOn: true, updatedAt: true, case: caseSelect },
    }),
    // The member's own booked consultations; a cancelled booking or a withdrawn slot drops out of the feed.
    db.consultationBooking.findMany({
      where: { firmId, cancelledAt: null, slot: { firmId, advisorId: userId, withdrawnAt: null, startsAt: { gte: dueOn.gte, lte: dueOn.lte } } },
      orderBy: [{ slot: { startsAt: 'asc' } }, { id: 'asc' }],
      take: FEED_MAX_EVENTS,
      select: { id: true, name: true, email: true, phone: true, language: true, sequence: true, createdAt: true, slot: { select: { startsAt: true, durationMinutes: true, mode: true, location: true } } },
    }),
  ]);

  const calendar = ical({
    name: t('name', { firm: membership.firm.name }),
    prodId: { company: 'Sejour', product: 'Sejour', language: locale.toUpperCase() },
    // Calendar apps poll at their own pace; this asks for at most hourly.
    ttl: 60 * 60,
  });
  const caseUrl = (caseId: string) => new URL(`/cases/${encodeURIComponent(caseId)}`, env().APP_URL).toString();
  const allDay = (date: Date, stamp: Date) => ({ start: date, end: new Date(date.getTime() + 86_400_000), allDay: true, stamp });
  type FeedCase = { id: string; reference: string; client: { firstName: string; lastName: string } };
  const subject = (kase: FeedCase) => `${kase.reference} · ${kase.client.firstName} ${kase.client.lastName}`;

  for (const deadline of deadlines) {
    const url = caseUrl(deadline.case.id);
    const lines = [
      t('basis', { basis: deadline.basis }),
      t('confidence', { confidence: ruleLabel(locale, `confidence.${deadline.confidence}`) }),
      ...(deadline.disputed ? [t('disputed')] : []),
      t('whoActs', { actor: ruleLabel(locale, `actor.${deadline.actor}`) }),
      url,
    ];
    calendar.createEvent({
      // Stable across regenerations and recomputations of the same row, so calendar apps update instead of duplicating.
      id: `deadline-${deadline.id}@sejour`,
      ...allDay(deadline.dueOn, deadline.updatedAt),
      summary: `${ruleLabel(locale, `deadline.${deadline.kind}`)} · ${subject(deadline.case)}`,
      description: lines.join('\n'),
      url,
    });
  }
  for (const task of tasks) {
    const url = caseUrl(task.case.id);
    calendar.createEvent({
      id: `task-${task.id}@sejour`,
      ...allDay(task.dueOn, task.updatedAt),
      summary: `${t('task', { title: task.title })} · ${subject(task.case)}`,
      description: [t('taskDescription'), url].join('\n'),
      url,
    });
  }
  for (const booking of bookings) {
    const { slot } = booking;
    calendar.createEvent({
      // The UID of the person's own invitation: both calendars name the same consultation.
      id: bookingUid(booking.id),
      sequence: booking.sequence,
      start: slot.startsAt,
      end: new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000),
      stamp: booking.createdAt,
      summary: t('consultation', { name: booking.name }),
      location: slot.mode === 'PHONE' ? (booking.phone ?? null) : slot.location,
      description: [
        t('consultationMode', { mode: slot.mode }),
        ...(slot.mode !== 'PHONE' && slot.location ? [slot.location] : []),
        t('consultationContact', { email: booking.email }),
        ...(booking.phone ? [t('consultationPhone', { phone: booking.phone })] : []),
        t('consultationLanguage', { language: PUBLIC_LOCALE_NAMES[bookingLanguage(booking.language)] }),
      ].join('\n'),
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; the generator leaves the final one off.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
