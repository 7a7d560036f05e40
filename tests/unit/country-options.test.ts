import { describe, expect, it } from 'vitest';
import { countryOptions } from '@/lib/i18n/country-options';

describe('countryOptions', () => {
  it.each([
    ['en', 'Morocco', 'Belgium', 'Congo - Kinshasa'],
    ['nl', 'Marokko', 'België', 'Congo-Kinshasa'],
    ['fr', 'Maroc', 'Belgique', 'Congo-Kinshasa'],
  ])('names every country in %s, by its ISO code', (locale, morocco, belgium, congo) => {
    const options = countryOptions(locale);
    const byCode = new Map(options.map((o) => [o.value, o.label]));
    expect(byCode.get('MA')).toBe(morocco);
    expect(byCode.get('BE')).toBe(belgium);
    expect(byCode.get('CD')).toBe(congo);
    expect(options.find((o) => o.value === 'MA')?.hint).toBe('MA');
  });

  it('offers real countries only, each once, as two capital letters', () => {
    const codes = countryOptions('en').map((o) => o.value);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    for (const notACountry of ['EU', 'UN', 'ZZ', 'QO']) expect(codes).not.toContain(notACountry);
    expect(codes.length).toBeGreaterThan(240);
  });

  it('sorts as the reader’s language sorts, accents included', () => {
    const fr = countryOptions('fr').map((o) => o.label);
    expect(fr).toEqual([...fr].sort((a, b) => a.localeCompare(b, 'fr')));
    // "Égypte" sits among the E's in French, not after "Zimbabwe".
    expect(fr.indexOf('Égypte')).toBeLessThan(fr.indexOf('Zimbabwe'));
    expect(fr.indexOf('Égypte')).toBeGreaterThan(fr.indexOf('Danemark'));
  });
});
