import { getFormatter } from 'next-intl/server';

// Legal dates come from Postgres DATE columns as UTC midnight: formatted in UTC, no time zone can move them a day.
export async function plainDateFormatter(): Promise<(date: Date | string) => string> {
  const format = await getFormatter();
  return (date) => format.dateTime(new Date(date), { dateStyle: 'long', timeZone: 'UTC' });
}
