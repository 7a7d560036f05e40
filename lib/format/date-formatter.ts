import type { PlainDate } from '@/lib/dates';
import {
  formatDateFull,
  formatDateLong,
  formatDateShort,
  formatDateTime,
  formatDateTimeShort,
  formatInstantDate,
  formatRelativeDay,
  formatTime,
  type DateLocale,
  type DateOnly,
} from './dates';

/** The formatters of lib/format/dates bound to one reader's language, for a page or component to pass around. */
export function dateFormatter(locale: string) {
  const l = (['en', 'nl', 'fr', 'de'].includes(locale) ? locale : 'en') as DateLocale;
  return {
    locale: l,
    long: (date: DateOnly) => formatDateLong(l, date),
    short: (date: DateOnly) => formatDateShort(l, date),
    full: (date: DateOnly) => formatDateFull(l, date),
    relative: (date: DateOnly, today?: PlainDate) => formatRelativeDay(l, date, today),
    dateTime: (instant: Date | string, options?: { seconds?: boolean; weekday?: boolean }) => formatDateTime(l, instant, options),
    dateTimeShort: (instant: Date | string, options?: { seconds?: boolean }) => formatDateTimeShort(l, instant, options),
    time: (instant: Date | string) => formatTime(l, instant),
    instantDate: (instant: Date | string) => formatInstantDate(l, instant),
  };
}

export type DateFormatter = ReturnType<typeof dateFormatter>;
