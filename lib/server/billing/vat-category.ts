// Which VAT treatment a fee note line gets, by Belgian rules for a lawyer's services (B2B place of supply: the
// buyer's establishment, art. 21 §2 WBTW / art. 44 Directive 2006/112/EC; B2C: the supplier's, art. 45).
// Pure: the buyer's country and whether they are a business with a VAT number, and the line's own rate.

export type VatCategory = 'S' | 'E' | 'AE' | 'O';

export const EU_MEMBER_STATES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'] as const;

export type VatBuyer = { kind: 'PERSON' | 'COMPANY'; country: string; vatNumber?: string | null };

/** The note printed (and put in UBL's TaxExemptionReason) for a category that charges no VAT. */
export const VAT_NOTES = {
  E: 'Exempt / Vrijgesteld / Exonéré',
  AE: 'Autoliquidation / Verlegging van heffing, art. 196 Directive 2006/112/EC',
  O: 'Not subject to Belgian VAT (services to a buyer outside the EU) / Niet onderworpen / Non soumis',
} as const;

/** The UBL/VATEX exemption reason codes that go with the notes. */
export const VATEX_CODES = { E: 'VATEX-EU-132', AE: 'VATEX-EU-AE', O: 'VATEX-EU-O' } as const;

const isEu = (country: string) => (EU_MEMBER_STATES as readonly string[]).includes(country.toUpperCase());

/** A VAT number of an EU member state: its country prefix ("EL" for Greece) and 2 to 13 characters. */
export function hasEuVatNumber(buyer: VatBuyer): boolean {
  const number = buyer.vatNumber?.replace(/[\s.]/g, '').toUpperCase();
  if (!number) return false;
  const prefix = buyer.country.toUpperCase() === 'GR' ? 'EL' : buyer.country.toUpperCase();
  return number.startsWith(prefix) && /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(number);
}

export function vatCategory(buyer: VatBuyer, rateBasisPoints: number): { category: VatCategory; rateBasisPoints: number } {
  const country = buyer.country.toUpperCase();
  if (!isEu(country)) return { category: 'O', rateBasisPoints: 0 };
  if (country !== 'BE' && buyer.kind === 'COMPANY' && hasEuVatNumber(buyer)) return { category: 'AE', rateBasisPoints: 0 };
  return rateBasisPoints === 0 ? { category: 'E', rateBasisPoints: 0 } : { category: 'S', rateBasisPoints };
}
