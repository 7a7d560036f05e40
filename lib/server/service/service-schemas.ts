import { z } from 'zod';
import { PROCEDURES } from '@/lib/rules/vocabulary';

// One schema for the catalogue's add and edit forms and for the operations behind them. FormData arrives as
// strings: serviceInputFromForm turns the flat form into this shape first.

export const SERVICE_LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];
export const VAT_RATES_BASIS_POINTS = [2100, 1200, 600, 0] as const;
export const FEE_KINDS = ['FIXED', 'HOURLY'] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);
const optionalText = (max: number, message: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional());
const days = z.preprocess(blankToNull, z.coerce.number({ message: 'daysInvalid' }).int('daysInvalid').min(0, 'daysInvalid').max(3650, 'daysInvalid').nullable());

const ZServiceFields = z.object({
  // English is the fallback of every other language, on the public page as in the portal.
  name: z.object({
    en: z.string({ message: 'nameRequired' }).trim().min(1, 'nameRequired').max(200, 'nameTooLong'),
    nl: optionalText(200, 'nameTooLong'),
    fr: optionalText(200, 'nameTooLong'),
    de: optionalText(200, 'nameTooLong'),
  }),
  description: z
    .object({ en: optionalText(2000, 'descriptionTooLong'), nl: optionalText(2000, 'descriptionTooLong'), fr: optionalText(2000, 'descriptionTooLong'), de: optionalText(2000, 'descriptionTooLong') })
    .default({}),
  typicalDaysMin: days.default(null),
  typicalDaysMax: days.default(null),
  feeKind: z.enum(FEE_KINDS, { message: 'feeKindInvalid' }),
  // Excluding VAT: the fixed fee, or the rate for one hour.
  feeCents: z.coerce.number({ message: 'feeInvalid' }).int('feeInvalid').min(0, 'feeInvalid').max(10_000_000, 'feeInvalid'),
  vatRateBasisPoints: z.coerce
    .number({ message: 'vatInvalid' })
    .refine((v): v is (typeof VAT_RATES_BASIS_POINTS)[number] => (VAT_RATES_BASIS_POINTS as readonly number[]).includes(v), 'vatInvalid')
    .default(2100),
  procedures: z.array(z.enum(PROCEDURES, { message: 'procedureInvalid' })).max(PROCEDURES.length).default([]).transform((list) => [...new Set(list)]),
  showOnPublicPage: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false),
  position: z.preprocess(blankToUndefined, z.coerce.number({ message: 'positionInvalid' }).int('positionInvalid').min(0, 'positionInvalid').max(10_000, 'positionInvalid').default(0)),
});

// A single figure ("about 10 days") is a range of one: the missing end takes the other's value.
const orderedDays = <T extends { typicalDaysMin: number | null; typicalDaysMax: number | null }>(v: T): T => ({
  ...v,
  typicalDaysMin: v.typicalDaysMin ?? v.typicalDaysMax,
  typicalDaysMax: v.typicalDaysMax ?? v.typicalDaysMin,
});
const minNotAboveMax = (v: { typicalDaysMin: number | null; typicalDaysMax: number | null }) => v.typicalDaysMin === null || v.typicalDaysMax === null || v.typicalDaysMin <= v.typicalDaysMax;

export const ZCreateService = ZServiceFields.refine(minNotAboveMax, { path: ['typicalDaysMax'], message: 'daysOrder' }).transform(orderedDays);
export type TCreateService = z.output<typeof ZCreateService>;

export const ZUpdateService = ZServiceFields.extend({ serviceId: z.string().min(1).max(64) })
  .refine(minNotAboveMax, { path: ['typicalDaysMax'], message: 'daysOrder' })
  .transform(orderedDays);

export const ZArchiveService = z.object({ serviceId: z.string().min(1).max(64) });

/** "120", "120.5", "120,50" (a Belgian comma) into cents; anything else stays as it is, for zod to refuse. */
export function eurosToCents(value: FormDataEntryValue | null): unknown {
  if (typeof value !== 'string') return value;
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return value.trim() === '' ? undefined : value;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The flat add/edit form (name_en, description_fr, procedures repeated, fee in euros) as the operations' input. */
export function serviceInputFromForm(form: FormData): Record<string, unknown> {
  const perLanguage = (prefix: string) => Object.fromEntries(SERVICE_LANGUAGES.map((lang) => [lang, form.get(`${prefix}_${lang}`) ?? undefined]));
  return {
    serviceId: form.get('serviceId') ?? undefined,
    name: perLanguage('name'),
    description: perLanguage('description'),
    typicalDaysMin: form.get('typicalDaysMin') ?? undefined,
    typicalDaysMax: form.get('typicalDaysMax') ?? undefined,
    feeKind: form.get('feeKind') ?? undefined,
    feeCents: eurosToCents(form.get('fee')),
    vatRateBasisPoints: form.get('vatRateBasisPoints') ?? undefined,
    procedures: form.getAll('procedures'),
    showOnPublicPage: form.get('showOnPublicPage') ?? false,
    position: form.get('position') ?? undefined,
  };
}
