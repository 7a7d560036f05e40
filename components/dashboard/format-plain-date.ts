import type { getFormatter } from 'next-intl/server';
import type { PlainDate } from '@/lib/dates';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A legal date as the reader's language writes it. Formatted in UTC because a plain date has no time zone to shift. */
export function formatPlainDate(format: Formatter, date: PlainDate): string {
  return format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}
