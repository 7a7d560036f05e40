import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en/legalAid.json';
import fr from '@/lib/i18n/messages/fr/legalAid.json';
import nl from '@/lib/i18n/messages/nl/legalAid.json';
import type { Locale } from '@/lib/rules/vocabulary';

// The closing report is written in the designated lawyer's language, outside any page's request locale.
const catalogues: Record<Locale, typeof en> = { en, nl: nl as typeof en, fr: fr as typeof en };

export function reportTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'legalAid.report' });
}
