import { z } from 'zod';
import type { EmailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';

/** A legal date as the rules store it: `YYYY-MM-DD`, a calendar day with no time and no zone. */
export const ZEmailDate = z.iso.date();

// Belgian conventions for each language: "14 December 2026", not the American "December 14, 2026".
const DATE_LOCALES: Record<AppLocale, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE' };

/**
 * "14 December 2026" / "14 december 2026" / "14 décembre 2026". The day is read and formatted in UTC on
 * purpose: a plain date has no zone, and formatting it in the server's zone would move it a day in
 * either direction far from Greenwich.
 */
export function formatPlainDate(locale: AppLocale, date: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "today", "tomorrow", "in 7 days", or "2 days overdue" when `daysLeft` is negative. */
export function dueWhen(t: EmailTranslator, daysLeft: number): string {
  return daysLeft < 0 ? t('common.overdue', { days: -daysLeft }) : t('common.due', { days: daysLeft });
}
