import { z } from 'zod';
import type { EmailTranslator } from '@/lib/email/email-translator';
import { formatDateLong } from '@/lib/format/dates';
import type { AppLocale } from '@/lib/i18n/config';

/** A legal date as the rules store it: `YYYY-MM-DD`, a calendar day with no time and no zone. */
export const ZEmailDate = z.iso.date();

/** "14 December 2026" / "14 december 2026" / "14 décembre 2026": the app's one date formatter (lib/format/dates). */
export function formatPlainDate(locale: AppLocale, date: string): string {
  return formatDateLong(locale, date);
}

/** "today", "tomorrow", "in 7 days", or "2 days overdue" when `daysLeft` is negative. */
export function dueWhen(t: EmailTranslator, daysLeft: number): string {
  return daysLeft < 0 ? t('common.overdue', { days: -daysLeft }) : t('common.due', { days: daysLeft });
}
