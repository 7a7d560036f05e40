import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// One schema for the case page's legal-aid forms and the server. FormData gives strings; blanks mean "not given".
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const id = z.string().min(1).max(64);

/**
 * The client's contribution: code passes integer cents; the form passes euros as typed ("25", "25,50", "25.5"),
 * turned into cents here so that no float ever reaches the database.
 */
const eurosToCents = (value: unknown) => {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(',', '.');
  if (text === '') return 0;
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
};

export const ZSetLegalAidDesignation = z.object({
  caseId: id,
  designatedOn: ZTypedPlainDate,
  designationNumber: z.string().trim().min(1, 'required').max(64),
  bar: z.string().trim().min(1, 'required').max(100),
  lawyerId: z.string().min(1, 'lawyer').max(64),
  clientContributionCents: z.preprocess(eurosToCents, z.number('amount').int('amount').min(0, 'amount').max(100_000_000, 'amount')),
});

export const ZAddLegalAidEntry = z.object({
  caseId: id,
  performedOn: ZTypedPlainDate,
  itemCode: z.string().trim().min(1, 'required').max(64),
  quantity: z.preprocess((v) => blank(v) ?? 1, z.coerce.number('quantity').int('quantity').min(1, 'quantity').max(999, 'quantity')),
  note: z.preprocess(blank, z.string().trim().max(1000).optional()),
});

export const ZRemoveLegalAidEntry = z.object({ entryId: id });

export const ZCloseLegalAid = z.object({ caseId: id, closedOn: ZTypedPlainDate });

export const ZCaseId = z.object({ caseId: id });

export const ZYearlyLegalAidOverview = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  lawyerId: z.preprocess(blank, id.optional()),
});
