import { createTranslator } from 'use-intl/core';
import type { AppLocale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en/emails.json';
import fr from '@/lib/i18n/messages/fr/emails.json';
import nl from '@/lib/i18n/messages/nl/emails.json';

// Emails are rendered outside any React request (in the worker, inside a transaction), so the
// catalogues are imported statically instead of going through next-intl's request config.
// tests/unit/i18n-catalogues keeps nl and fr key-for-key equal to en, which makes these casts honest.
const catalogues: Record<AppLocale, typeof en> = { en, nl: nl as typeof en, fr: fr as typeof en };

/**
 * A translator for the `emails` namespace. A missing key or a bad ICU argument throws instead of
 * falling back to the key: an email that says "emails.invitation.body" must never be queued.
 */
export function emailTranslator(locale: AppLocale) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    namespace: 'emails',
    // Deadlines and expiries are Brussels dates whatever the server's own time zone.
    timeZone: 'Europe/Brussels',
    onError: (error) => {
      throw error;
    },
  });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;
