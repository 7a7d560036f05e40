import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// Input of the time-and-fees operations, shared by the forms and the server. Amounts come in as people type them
// ("120", "120,50", "1.234,50" is refused: one decimal separator, at most two decimals) and leave as integer cents.

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const blankText = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : blank(v));
/** Belgian VAT on a lawyer's services when neither the member nor the service says otherwise. */
export const DEFAULT_VAT_RATE = 2100;

export const ZEuroCents = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().trim().regex(/^\d{1,7}([.,]\d{1,2})?$/, 'amount').transform((value) => {
    const [whole, fraction = ''] = value.replace(',', '.').split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  }),
);

/** The Belgian VAT rates (0 %, 6 %, 12 %, 21 %) in basis points; a lawyer's services are 21 % unless exempt. */
export const VAT_RATES = [0, 600, 1200, 2100] as const;
export const ZVatRate = z.coerce.number().int().refine((v) => (VAT_RATES as readonly number[]).includes(v), 'vatRate');

const ZWorkDate = ZTypedPlainDate.refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'date');

export const ZAddTimeEntry = z.object({
  caseId: z.string().min(1).max(64),
  workedOn: ZWorkDate,
  minutes: z.coerce.number().int('minutes').min(1, 'minutes').max(24 * 60, 'minutes'),
  // Blank description, rate or VAT are taken from the service when one is picked (refused on the field otherwise).
  description: z.preprocess(blankText, z.string().max(500).optional()),
  serviceId: z.preprocess(blank, z.string().max(64).optional()),
  rate: z.preprocess(blankText, ZEuroCents.optional()),
  vatRateBasisPoints: z.preprocess(blank, ZVatRate.optional()),
});

export const ZAddFeeItem = z.object({
  caseId: z.string().min(1).max(64),
  performedOn: ZWorkDate,
  description: z.preprocess(blankText, z.string().max(500).optional()),
  quantity: z.preprocess((v) => blank(v) ?? 1, z.coerce.number().int('quantity').min(1, 'quantity').max(1000, 'quantity')),
  serviceId: z.preprocess(blank, z.string().max(64).optional()),
  unit: z.preprocess(blankText, ZEuroCents.optional()),
  vatRateBasisPoints: z.preprocess(blank, ZVatRate.optional()),
});

export const ZRemoveTimeEntry = z.object({ timeEntryId: z.string().min(1).max(64) });
export const ZRemoveFeeItem = z.object({ feeItemId: z.string().min(1).max(64) });
