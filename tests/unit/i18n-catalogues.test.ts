import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';

const [en, nl, fr] = await Promise.all([loadMessages('en'), loadMessages('nl'), loadMessages('fr')]);
const home = (messages: Record<string, unknown>) => (messages.home as { heading: string }).heading;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key)).sort();
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe('message catalogues', () => {
  it('have exactly the same keys in en, nl and fr, file by file', async () => {
    const { CATALOGUE_FILES } = await import('@/lib/i18n/messages');
    for (const file of CATALOGUE_FILES) {
      const [e, n, f] = await Promise.all(['en', 'nl', 'fr'].map(async (l) => (await import(`@/lib/i18n/messages/${l}/${file}.json`)).default));
      expect(keys(n), `nl/${file}.json`).toEqual(keys(e));
      expect(keys(f), `fr/${file}.json`).toEqual(keys(e));
    }
    expect(keys(nl)).toEqual(keys(en));
    expect(keys(fr)).toEqual(keys(en));
  });

  it('have the same keys in en, nl, fr and de for the public catalogues (firm page, booking links)', async () => {
    const { PUBLIC_CATALOGUE_FILES, PUBLIC_LOCALES } = await import('@/lib/i18n/public-locales');
    for (const file of PUBLIC_CATALOGUE_FILES) {
      const [e, ...others] = await Promise.all(PUBLIC_LOCALES.map(async (l) => (await import(`@/lib/i18n/messages/${l}/${file}.json`)).default));
      expect(keys(e).length, `en/${file}.json`).toBeGreaterThan(1);
      others.forEach((other, i) => expect(keys(other), `${PUBLIC_LOCALES[i + 1]}/${file}.json`).toEqual(keys(e)));
      for (const catalogue of [e, ...others]) for (const text of leaves(catalogue)) expect(text.trim(), `${file}.json`).not.toBe('');
    }
  });

  it('never define the same top-level namespace in two files (one would silently hide the other)', async () => {
    const { CATALOGUE_FILES } = await import('@/lib/i18n/messages');
    const seen = new Map<string, string>();
    for (const file of CATALOGUE_FILES) {
      for (const namespace of Object.keys((await import(`@/lib/i18n/messages/en/${file}.json`)).default)) {
        expect(seen.get(namespace), `${namespace} in ${file}.json`).toBeUndefined();
        seen.set(namespace, file);
      }
    }
  });

  it('have no empty message in any language', () => {
    for (const catalogue of [en, nl, fr]) {
      expect(leaves(catalogue).filter((text) => text.trim() === '')).toEqual([]);
    }
  });

  it('are really translated: Dutch and French differ from English for the home page', () => {
    expect(home(nl)).not.toBe(home(en));
    expect(home(fr)).not.toBe(home(en));
  });
});

describe('language from the browser', () => {
  it.each([
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-BE,fr;q=0.9', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.5', 'fr'],
    ['en-US;q=0.5,nl;q=0.9', 'nl'],
    ['ja', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s gives %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
