import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fr from '@/lib/i18n/messages/fr.json';
import nl from '@/lib/i18n/messages/nl.json';
import { localeFromAcceptLanguage } from '@/lib/i18n/config';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key)).sort();
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe('message catalogues', () => {
  it('have exactly the same keys in en, nl and fr', () => {
    expect(keys(nl)).toEqual(keys(en));
    expect(keys(fr)).toEqual(keys(en));
  });

  it('have no empty message in any language', () => {
    for (const catalogue of [en, nl, fr]) {
      expect(leaves(catalogue).filter((text) => text.trim() === '')).toEqual([]);
    }
  });

  it('are really translated: Dutch and French differ from English for the home page', () => {
    expect(nl.home.heading).not.toBe(en.home.heading);
    expect(fr.home.heading).not.toBe(en.home.heading);
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
