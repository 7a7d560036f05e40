import { getDateFormatter } from '@/lib/format/get-date-formatter';

// Legal dates come from Postgres DATE columns as UTC midnight (a Date, or its ISO string once serialised):
// the formatter reads their UTC day, so no time zone can move them.
export async function plainDateFormatter(): Promise<(date: Date | string) => string> {
  const dates = await getDateFormatter();
  return (date) => dates.long(typeof date === 'string' && date.length > 10 ? new Date(date) : date);
}
