import { createTranslator } from 'use-intl/core';
import de from '@/lib/i18n/messages/de/booking.json';
import en from '@/lib/i18n/messages/en/booking.json';
import fr from '@/lib/i18n/messages/fr/booking.json';
import nl from '@/lib/i18n/messages/nl/booking.json';
import { formatDateTime } from '@/lib/format/dates';
import type { PublicLocale } from '@/lib/i18n/public-locales';

// The words people who are not yet clients read (their booking emails, the .ics, the manage page), in the four
// public languages. Imported statically for the same reason as email-translator.ts (worker, transactions);
// tests/unit/i18n-catalogues keeps the four files key-for-key equal, which makes the casts honest.
const catalogues: Record<PublicLocale, typeof en> = { en, nl: nl as typeof en, fr: fr as typeof en, de: de as typeof en };

/** A translator for the `booking` namespace; like emailTranslator, a missing key throws instead of showing the key. */
export function bookingTranslator(locale: PublicLocale) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    namespace: 'booking',
    timeZone: 'Europe/Brussels',
    onError: (error) => {
      throw error;
    },
  });
}

export type BookingTranslator = ReturnType<typeof bookingTranslator>;

// Belgian conventions in each language ("Monday 14 December 2026 at 10:30").
const REGION: Record<PublicLocale, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };

/** A consultation's start as a person reads it, in Brussels time whatever the server's zone. */
export function formatConsultationTime(locale: PublicLocale, instant: Date | string): string {
  return formatDateTime(locale, instant, { weekday: true });
}

/** A price in euros, cents as stored ("€29.00", "29,00 €"). */
export function formatEuros(locale: PublicLocale, cents: number): string {
  return new Intl.NumberFormat(REGION[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
