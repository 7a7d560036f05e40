import { getLocale } from 'next-intl/server';
import { dateFormatter, type DateFormatter } from './date-formatter';

/** The reader's date formatter in a server component (the request's locale, as next-intl resolved it). */
export async function getDateFormatter(): Promise<DateFormatter> {
  return dateFormatter(await getLocale());
}
