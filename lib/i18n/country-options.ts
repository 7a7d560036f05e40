import { knownNationalityCodes } from '@/lib/server/import/import-values';

export type CountryOption = { value: string; label: string; hint: string };

/**
 * Every country a person can hold, as ISO 3166-1 alpha-2 codes named in the reader's language by the runtime's
 * own data (Intl.DisplayNames, so no hand-kept list goes stale) and sorted as that language sorts. The code stays
 * the value a form posts and is shown and searched beside the name ("Marokko MA").
 */
export function countryOptions(locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return knownNationalityCodes()
    .map((code) => ({ value: code, label: names.of(code) ?? code, hint: code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
