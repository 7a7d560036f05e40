import { describe, expect, it } from 'vitest';
import { normalizeBelgianVatNumber, normalizeEnterpriseNumber, normalizeIban, structuredCommunication } from '@/lib/server/billing/check-digits';
import { divideHalfUp, lineAmounts, minutesToThousandths, vatBreakdown } from '@/lib/server/billing/fee-note-math';
import { vatCategory } from '@/lib/server/billing/vat-category';

describe('VAT category of a fee note line (Belgian rules)', () => {
  it('charges the line rate to a Belgian buyer, person or company (S), and 0 % as exempt (E)', () => {
    expect(vatCategory({ kind: 'PERSON', country: 'BE' }, 2100)).toEqual({ category: 'S', rateBasisPoints: 2100 });
    expect(vatCategory({ kind: 'COMPANY', country: 'BE', vatNumber: 'BE0403170701' }, 2100)).toEqual({ category: 'S', rateBasisPoints: 2100 });
    expect(vatCategory({ kind: 'PERSON', country: 'BE' }, 0)).toEqual({ category: 'E', rateBasisPoints: 0 });
  });
  it('charges Belgian VAT to a private person elsewhere in the EU, and to a company there without a VAT number', () => {
    expect(vatCategory({ kind: 'PERSON', country: 'NL' }, 2100)).toEqual({ category: 'S', rateBasisPoints: 2100 });
    expect(vatCategory({ kind: 'COMPANY', country: 'DE' }, 2100)).toEqual({ category: 'S', rateBasisPoints: 2100 });
    // A number of another state is not this buyer's VAT number.
    expect(vatCategory({ kind: 'COMPANY', country: 'NL', vatNumber: 'DE123456789' }, 2100)).toEqual({ category: 'S', rateBasisPoints: 2100 });
  });
  it('reverse-charges a company in another member state with its VAT number (AE, 0 %), Greece as EL', () => {
    expect(vatCategory({ kind: 'COMPANY', country: 'NL', vatNumber: 'NL123456789B01' }, 2100)).toEqual({ category: 'AE', rateBasisPoints: 0 });
    expect(vatCategory({ kind: 'COMPANY', country: 'GR', vatNumber: 'EL123456789' }, 2100)).toEqual({ category: 'AE', rateBasisPoints: 0 });
  });
  it('puts buyers outside the EU outside the scope of Belgian VAT (O), persons and companies alike', () => {
    expect(vatCategory({ kind: 'COMPANY', country: 'CH', vatNumber: 'CHE123456789' }, 2100)).toEqual({ category: 'O', rateBasisPoints: 0 });
    expect(vatCategory({ kind: 'PERSON', country: 'US' }, 2100)).toEqual({ category: 'O', rateBasisPoints: 0 });
  });
});

describe('fee note arithmetic in integer cents', () => {
  it('rounds half up per line and bills time by the minute', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 2)).toBe(2);
    expect(minutesToThousandths(90)).toBe(1500);
    expect(minutesToThousandths(1)).toBe(17);
    // 50 minutes print as 0.833 h; 0.833 x 125.00 = 104.125 -> 104.13 (what the client can recompute); VAT 21.8673 -> 21.87
    expect(lineAmounts({ quantityThousandths: minutesToThousandths(50), unitCents: 12_500, vatRateBasisPoints: 2100, vatCategory: 'S' })).toEqual({ lineExclCents: 10_413, lineVatCents: 2187 });
    // 0.5 cent of VAT rounds up: 2.50 at 21 % = 0.525 -> 0.53
    expect(lineAmounts({ quantityThousandths: 1000, unitCents: 250, vatRateBasisPoints: 2100, vatCategory: 'S' })).toEqual({ lineExclCents: 250, lineVatCents: 53 });
  });
  it('sums the breakdown per category and rate from the rounded lines', () => {
    const lines = [
      { quantityThousandths: 1000, unitCents: 250, vatRateBasisPoints: 2100, vatCategory: 'S' as const, lineExclCents: 250, lineVatCents: 53 },
      { quantityThousandths: 1000, unitCents: 250, vatRateBasisPoints: 2100, vatCategory: 'S' as const, lineExclCents: 250, lineVatCents: 53 },
      { quantityThousandths: 1000, unitCents: 100, vatRateBasisPoints: 0, vatCategory: 'E' as const, lineExclCents: 100, lineVatCents: 0 },
    ];
    expect(vatBreakdown(lines)).toEqual([{ category: 'S', rateBasisPoints: 2100, taxableCents: 500, vatCents: 106 }, { category: 'E', rateBasisPoints: 0, taxableCents: 100, vatCents: 0 }]);
  });
});

describe('check digits', () => {
  it('accepts enterprise and VAT numbers with valid mod-97 digits, in any usual spelling', () => {
    expect(normalizeEnterpriseNumber('0403.170.701')).toBe('0403170701');
    expect(normalizeEnterpriseNumber('BE 0403 170 701')).toBe('0403170701');
    expect(normalizeEnterpriseNumber('0403.170.702')).toBeNull();
    expect(normalizeEnterpriseNumber('403170701')).toBeNull();
    expect(normalizeBelgianVatNumber('BE0403.170.701')).toBe('BE0403170701');
    expect(normalizeBelgianVatNumber('0403170701')).toBeNull();
  });
  it('checks IBANs by ISO 13616 mod 97', () => {
    expect(normalizeIban('BE68 5390 0754 7034')).toBe('BE68539007547034');
    expect(normalizeIban('be68539007547034')).toBe('BE68539007547034');
    expect(normalizeIban('BE68539007547035')).toBeNull();
    expect(normalizeIban('NL91ABNA0417164300')).toBe('NL91ABNA0417164300');
  });
  it('makes a Belgian structured communication whose last two digits are the first ten mod 97', () => {
    expect(structuredCommunication(2026, 7)).toBe('+++202/6000/00701+++');
    const digits = structuredCommunication(2026, 1234).replace(/\D/g, '');
    expect(Number(digits.slice(0, 10)) % 97 || 97).toBe(Number(digits.slice(10)));
  });
});
