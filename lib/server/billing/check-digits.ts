// Check digits of the Belgian and banking numbers a fee note prints. Pure functions, unit-tested.

/** The remainder of a long digit string mod 97, chunk by chunk (the numbers exceed 2^53). */
function mod97(digits: string): number {
  let rest = 0;
  for (const char of digits) rest = (rest * 10 + Number(char)) % 97;
  return rest;
}

/**
 * A KBO/BCE enterprise number: 10 digits starting with 0 or 1, the last two being 97 minus the first eight mod 97.
 * Dots, spaces and a "BE" prefix are accepted and dropped.
 */
export function normalizeEnterpriseNumber(value: string): string | null {
  const digits = value.replace(/^\s*BE/i, '').replace(/[\s.]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return null;
  return 97 - mod97(digits.slice(0, 8)) === Number(digits.slice(8)) ? digits : null;
}

/** A Belgian VAT number is "BE" and the enterprise number. */
export function normalizeBelgianVatNumber(value: string): string | null {
  if (!/^\s*BE/i.test(value)) return null;
  const number = normalizeEnterpriseNumber(value);
  return number ? `BE${number}` : null;
}

/** ISO 13616: letters become 10..35, the first four characters move to the end, and the whole is 1 mod 97. */
export function normalizeIban(value: string): string | null {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  if (iban.startsWith('BE') && iban.length !== 16) return null;
  const numeric = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(numeric) === 1 ? iban : null;
}

/** "BE68 5390 0754 7034" for reading; the stored form has no spaces. */
export const formatIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The Belgian structured communication (OGM/VCS) for a fee note: ten digits from the year and sequence and two
 * check digits (the ten mod 97, 97 when that is 0), printed +++123/4567/89012+++ so the bank matches the payment.
 */
export function structuredCommunication(year: number, sequence: number): string {
  const base = `${String(year).padStart(4, '0')}${String(sequence).padStart(6, '0')}`;
  const check = mod97(base) || 97;
  const digits = `${base}${String(check).padStart(2, '0')}`;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}
