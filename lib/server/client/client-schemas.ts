import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// One schema for the new-client form and the server. Form fields arrive as strings: blanks mean "not given".
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** EU and EEA states and Switzerland: their nationals live under free-movement rules (Annex 19, EU cards). */
export const FREE_MOVEMENT_NATIONALITIES = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO',
  'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH',
]);

/**
 * Belgian national register number: 11 digits, the last two a check on the first nine (97 - n mod 97),
 * with a leading 2 for people born from 2000.
 */
export function isValidNationalRegisterNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 11) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - (Number(`2${digits.slice(0, 9)}`) % 97) === check;
}

export const ZClientInput = z.object({
  firstName: z.string().trim().min(1, 'required').max(100),
  lastName: z.string().trim().min(1, 'required').max(100),
  birthDate: z.preprocess(blankToUndefined, ZTypedPlainDate.optional()),
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'nationality'),
  language: z.enum(['en', 'nl', 'fr']),
  email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().pipe(z.email('email')).optional()),
  phone: optionalText(40),
  addressLine: optionalText(200),
  postalCode: optionalText(10),
  commune: optionalText(100),
  nationalRegisterNumber: z.preprocess(
    blankToUndefined,
    z.string().trim().refine(isValidNationalRegisterNumber, 'nationalRegisterNumber').transform((v) => v.replace(/\D/g, '')).optional(),
  ),
  passportNumber: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().regex(/^[A-Z0-9]{5,20}$/, 'passportNumber').optional()),
  fileNumber: optionalText(40),
  // Set after the person saw the possible duplicates and decided this is someone else.
  confirmDuplicate: z.preprocess((v) => v === 'true' || v === true || v === 'on', z.boolean()).default(false),
});
export type ClientInput = z.input<typeof ZClientInput>;
