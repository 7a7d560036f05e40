import { isLocale, rankedLanguages, type AppLocale } from './config';

// The firm's public page, its booking links and the emails to people who are not yet anyone's client also speak
// German (Belgium's third official language; Eupen and the people from Germany who ask). The app itself stays in
// en, nl and fr: these catalogues are the only ones that exist in de, and tests/unit/i18n-catalogues keeps their
// keys equal in the four languages.
export const PUBLIC_LOCALES = ['en', 'nl', 'fr', 'de'] as const;
export type PublicLocale = (typeof PUBLIC_LOCALES)[number];
export const PUBLIC_CATALOGUE_FILES = ['public', 'booking'] as const;
export type PublicCatalogueFile = (typeof PUBLIC_CATALOGUE_FILES)[number];

export const PUBLIC_LOCALE_NAMES: Record<PublicLocale, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

/** Set by proxy.ts on the public paths only (never taken from the browser): the page's language. */
export const PUBLIC_LOCALE_HEADER = 'x-sejour-public-locale';

/** The firm's public page and the booking links; everything else is the app, in en, nl and fr. */
export function servesPublicLocale(pathname: string): boolean {
  return /^\/(f|booking)(\/|$)/.test(pathname);
}

export function isPublicLocale(value: unknown): value is PublicLocale {
  return typeof value === 'string' && (PUBLIC_LOCALES as readonly string[]).includes(value);
}

/** The app language closest to a public one, for app strings a public page reuses (errors): German readers get English. */
export function appLocaleFor(locale: PublicLocale): AppLocale {
  return isLocale(locale) ? locale : 'en';
}

/**
 * The page's language: the one asked for in the address (?lang=de, a link in an email), else the visitor's chosen
 * app language (cookie), else their browser's, else English.
 */
export function choosePublicLocale({ requested, cookie, acceptLanguage }: { requested?: string | null; cookie?: string | null; acceptLanguage?: string | null }): PublicLocale {
  if (isPublicLocale(requested)) return requested;
  if (isPublicLocale(cookie)) return cookie;
  return rankedLanguages(acceptLanguage).find(isPublicLocale) ?? 'en';
}

export async function loadPublicMessages(locale: PublicLocale, files: readonly PublicCatalogueFile[] = PUBLIC_CATALOGUE_FILES): Promise<Record<string, unknown>> {
  const parts = await Promise.all(files.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default as Record<string, unknown>));
  return Object.assign({}, ...parts);
}
