import { brusselsDate, BRUSSELS, fromDbDate, type PlainDate } from '../dates';
import { daysBetween } from '../rules/plain-date';
// Relative imports: the Playwright specs import this file to write the dates they expect.

// The one way the app writes a date for people. Belgian conventions per language ("7 december 2026",
// "07/12/2026"), English in its British form, never the American "Dec 7, 2026". Every formatter passes an
// explicit timeZone to Intl, so the server's own zone (the TZ setting) can never move a day:
// - a legal date has no zone at all: it is formatted as UTC midnight in UTC;
// - an instant (a timestamp) is shown as the wall clock in Brussels, where the firms and their clients are.

/** The app's locales plus German, which the public pages and their emails also speak. */
export type DateLocale = 'en' | 'nl' | 'fr' | 'de';

const INTL_LOCALES: Record<DateLocale, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };

/** A legal date as `YYYY-MM-DD`, or a Postgres DATE as Prisma hands it over (a Date at UTC midnight). */
export type DateOnly = PlainDate | Date;

function intl(locale: DateLocale): string {
  return INTL_LOCALES[locale] ?? INTL_LOCALES.en;
}

function plainOf(date: DateOnly): PlainDate {
  return typeof date === 'string' ? date : fromDbDate(date);
}

function utcNoonOf(date: DateOnly): Date {
  // Noon, not midnight: even a formatter that (wrongly) used a zone up to ±12 h away would stay on the day.
  return new Date(`${plainOf(date)}T12:00:00Z`);
}

/** "7 December 2026" / "7 december 2026" / "7 décembre 2026" / "7. Dezember 2026". */
export function formatDateLong(locale: DateLocale, date: DateOnly): string {
  return new Intl.DateTimeFormat(intl(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(utcNoonOf(date));
}

/** "07/12/2026" (en, nl, fr) / "07.12.2026" (de): for tables and dense lists. */
export function formatDateShort(locale: DateLocale, date: DateOnly): string {
  return new Intl.DateTimeFormat(intl(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(utcNoonOf(date));
}

/** "Monday 7 December 2026": for appointments and booking confirmations. */
export function formatDateFull(locale: DateLocale, date: DateOnly): string {
  return new Intl.DateTimeFormat(intl(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(utcNoonOf(date));
}

/** An instant in Brussels: "7 December 2026 at 14:05" / "7 december 2026 om 14:05" / "7 décembre 2026 à 14:05". */
export function formatDateTime(locale: DateLocale, instant: Date | string, options: { seconds?: boolean; weekday?: boolean } = {}): string {
  const when = typeof instant === 'string' ? new Date(instant) : instant;
  const date = new Intl.DateTimeFormat(intl(locale), { dateStyle: options.weekday ? 'full' : 'long', timeStyle: options.seconds ? 'medium' : 'short', timeZone: BRUSSELS });
  return date.format(when);
}

/** "07/12/2026 14:05": an instant in Brussels, for audit logs and outboxes where many rows stack. */
export function formatDateTimeShort(locale: DateLocale, instant: Date | string, options: { seconds?: boolean } = {}): string {
  const when = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(intl(locale), {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZone: BRUSSELS,
  }).format(when);
}

/** "14:05": the time of an instant in Brussels. */
export function formatTime(locale: DateLocale, instant: Date | string): string {
  const when = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(intl(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: BRUSSELS }).format(when);
}

/** The calendar day of an instant in Brussels, written long: for "done on", "since", "expires" where the hour does not matter. */
export function formatInstantDate(locale: DateLocale, instant: Date | string): string {
  return formatDateLong(locale, brusselsDate(typeof instant === 'string' ? new Date(instant) : instant));
}

/**
 * "today", "tomorrow", "yesterday", "in 2 days", "3 days ago" (and "vandaag", "over 2 dagen", "dans 2 jours"),
 * counted in whole Brussels calendar days. Only the nearest days get words: Intl would otherwise write
 * "overmorgen" / "après-demain", which reads well but hides the count a lawyer scans for.
 */
export function formatRelativeDay(locale: DateLocale, date: DateOnly, today: PlainDate = brusselsDate()): string {
  const days = daysBetween(today, plainOf(date));
  const numeric = Math.abs(days) <= 1 ? 'auto' : 'always';
  return new Intl.RelativeTimeFormat(intl(locale), { numeric }).format(days, 'day');
}

/** How a person types a date in this language, shown as the input's placeholder: "dd/mm/jjjj", "jj/mm/aaaa". */
export const DATE_INPUT_PLACEHOLDERS: Record<DateLocale, string> = { en: 'dd/mm/yyyy', nl: 'dd/mm/jjjj', fr: 'jj/mm/aaaa', de: 'tt.mm.jjjj' };

/** A stored `YYYY-MM-DD` as a date input shows it to be edited: "07/12/2026" (dots in German); other text as it is. */
export function toInputValue(locale: DateLocale, date: DateOnly | null | undefined): string {
  if (!date) return '';
  // What the person typed comes back as typed (a refused form, a filter in the address bar).
  if (typeof date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [year, month, day] = plainOf(date).split('-');
  return locale === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}
