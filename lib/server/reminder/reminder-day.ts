import { TZDate } from '@date-fns/tz';
import { addDaysPlain, BRUSSELS, brusselsDate, brusselsMidnight, fromDbDate, type PlainDate } from '@/lib/dates';

/** Reminders for a day go out from this hour, Brussels time: in the inbox before the working day starts. */
export const REMINDER_HOUR = 7;

/** The day whose reminders are due at `now`: today from 07:00 in Brussels, yesterday before. */
export function reminderDay(now: Date): PlainDate {
  const today = brusselsDate(now);
  return brusselsHour(now) >= REMINDER_HOUR ? today : addDaysPlain(today, -1);
}

export function brusselsHour(now: Date): number {
  return new TZDate(now.getTime(), BRUSSELS).getHours();
}

/** The instant a reminder of `day` became due (07:00 in Brussels that day), for the Reminder row. */
export function reminderInstant(day: PlainDate): Date {
  return new Date(brusselsMidnight(day).getTime() + REMINDER_HOUR * 3_600_000);
}

/** Whole days from `day` to `date` (negative when it has passed). */
export function daysBetween(day: PlainDate, date: Date | PlainDate): number {
  const target = typeof date === 'string' ? date : fromDbDate(date);
  return Math.round((Date.parse(`${target}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}
