import { addDaysPlain, brusselsDate, brusselsMidnight } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { logger } from '@/lib/logger';
import { brusselsHour, REMINDER_HOUR } from '@/lib/server/reminder/reminder-day';
import { loadBookingDetails } from './booking-details';
import { firmPageUrl, personFacts } from './booking-emails';

const BATCH = 200;

/**
 * Emails each live booking whose consultation starts tomorrow (a Brussels calendar day; "today" begins at 07:00
 * like the other reminders) a reminder in its language. Each booking is claimed by a conditional UPDATE of
 * reminderSentAt in the same transaction as its outbox row, so two workers sweeping at once send it once, and a
 * failure leaves it for the next sweep. A cancelled booking or a withdrawn slot gets none; a move clears the
 * mark (rescheduleBooking), so the new day is reminded.
 */
export async function sweepBookingReminders({ db, now = new Date() }: { db: Db; now?: Date }): Promise<{ queued: number }> {
  // Only from 07:00: before that, "tomorrow" by the reminders' day would be today, and a consultation later today
  // would be announced as tomorrow's.
  if (brusselsHour(now) < REMINDER_HOUR) return { queued: 0 };
  const tomorrow = addDaysPlain(brusselsDate(now), 1);
  const from = brusselsMidnight(tomorrow);
  const until = brusselsMidnight(addDaysPlain(tomorrow, 1));
  let queued = 0;
  let after = '';
  for (;;) {
    const due = await db.consultationBooking.findMany({
      where: { id: { gt: after }, cancelledAt: null, reminderSentAt: null, slot: { withdrawnAt: null, startsAt: { gte: from, lt: until, gt: now } } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, firmId: true },
    });
    for (const booking of due) {
      const sent = await remind(db, booking, now).catch((error: unknown) => {
        logger().error({ err: error, bookingId: booking.id }, 'consultation reminder not written');
        return false;
      });
      if (sent) queued += 1;
    }
    if (due.length < BATCH) return { queued };
    after = due.at(-1)!.id;
  }
}

async function remind(db: Db, { id, firmId }: { id: string; firmId: string }, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // The claim: whoever sets the mark first sends; a second sweep waits on the row lock, then finds it set.
    const claimed = await tx.consultationBooking.updateMany({ where: { id, firmId, cancelledAt: null, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (claimed.count !== 1) return false;
    const booking = await loadBookingDetails(tx, { firmId, bookingId: id });
    if (!booking) return false;
    await enqueueEmail(tx, {
      key: `booking-reminder:${booking.id}:${booking.sequence}`,
      firmId,
      template: 'booking-reminder',
      locale: booking.language,
      to: booking.email,
      responsibleUserId: booking.slot.advisor.id,
      props: { ...personFacts(booking), firmPageUrl: firmPageUrl(booking.firm.slug) },
    });
    return true;
  });
}
