import { periodEndInDays } from './calendar';
import { APPEAL_PERIOD_DAYS } from './deadlines-decision';
import { daysBetween, type PlainDate } from './plain-date';

// What a person who writes in after a refusal is told, and what puts their inquiry at the top of the firm's
// list: the end of the ordinary 30-day RvV/CCE appeal period (Law 15/12/1980 art. 39/57 §1) from the
// notification date they give. The person may be detained or in another regime the form does not ask about, so
// this is the longest period the law allows them, never a promise; the case's own deadline is computed later from
// the facts the advisor records. Pure: "today" is a Brussels plain date passed by the caller.

/** Inquiries with fewer days left than this come first in the staff list, with an urgent badge. */
export const URGENT_APPEAL_DAYS = 10;

/** The last day to appeal, moved to the next working day when it falls on a weekend or Belgian public holiday. */
export function appealDueFromNotification(notifiedOn: PlainDate): PlainDate {
  return periodEndInDays(notifiedOn, APPEAL_PERIOD_DAYS.ORDINARY);
}

/** Days from `today` to the last day (0 on the last day itself, negative once it has passed). */
export function daysLeft(dueOn: PlainDate, today: PlainDate): number {
  return daysBetween(today, dueOn);
}

/** Fewer than URGENT_APPEAL_DAYS left, or already passed. */
export function isAppealUrgent(dueOn: PlainDate, today: PlainDate): boolean {
  return daysLeft(dueOn, today) < URGENT_APPEAL_DAYS;
}
