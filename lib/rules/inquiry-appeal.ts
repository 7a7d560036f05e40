import { APPEAL_PERIOD_DAYS } from './deadlines-decision';
import { periodEndInDays } from './calendar';
import { daysBetween, type PlainDate } from './plain-date';

// What a person who writes in about a refusal is told before anyone has read their letter: the ordinary appeal
// period to the RvV/CCE (30 days from notification, art. 39/57 §1), moved to the next working day. Shorter
// periods (detention, extreme urgency) depend on facts only a lawyer can establish, so the page says the date
// may be earlier; the advisor records the real regime on the case.

/** The last day of the ordinary appeal period for a decision notified on `notifiedOn`. */
export function appealDueFromNotification(notifiedOn: PlainDate): PlainDate {
  return periodEndInDays(notifiedOn, APPEAL_PERIOD_DAYS.ORDINARY);
}

/** Days from `today` to `dueOn` (0 on the last day itself, negative once it has passed). */
export function daysLeft(dueOn: PlainDate, today: PlainDate): number {
  return daysBetween(today, dueOn);
}

/** Inquiries with fewer days left than this come first in the staff list, with an urgent badge. */
export const URGENT_APPEAL_DAYS = 10;

/** Fewer than URGENT_APPEAL_DAYS left and not yet passed: what lifts an inquiry to the top of the staff list. */
export function isAppealUrgent(dueOn: PlainDate, today: PlainDate): boolean {
  const left = daysLeft(dueOn, today);
  return left >= 0 && left < URGENT_APPEAL_DAYS;
}
