import { z } from 'zod';
import { ZTypedPlainDate } from '@/lib/rules/zod-fields';

// What issuing a fee note takes: the case, which unbilled entries (all when none are named), who pays, the date and
// the payment term. FormData sends one field per checkbox, so id lists also accept a single string.

const ids = z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(64)).max(500).optional());
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const text = (max: number) => z.string().trim().min(1, 'required').max(max);

export const ZBuyerCompany = z.object({
  buyerKind: z.literal('COMPANY'),
  buyerName: text(200),
  buyerStreet: text(200),
  buyerPostalCode: text(16),
  buyerCity: text(100),
  buyerCountry: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country'),
  buyerVatNumber: z.preprocess(blank, z.string().trim().toUpperCase().transform((v) => v.replace(/[\s.-]/g, '')).pipe(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'vatNumber')).optional()),
  buyerEmail: z.preprocess(blank, z.string().trim().toLowerCase().email('email').max(254).optional()),
});

export const ZBuyerPerson = z.object({
  buyerKind: z.literal('PERSON'),
  // The client's address is on their file; the country is asked because the file does not keep one.
  buyerCountry: z.preprocess((v) => blank(v) ?? 'BE', z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country')),
});

const ZCommon = z.object({
  caseId: z.string().min(1).max(64),
  timeEntryIds: ids,
  feeItemIds: ids,
  issuedOn: ZTypedPlainDate.refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'date'),
  paymentTermDays: z.preprocess((v) => blank(v) ?? 30, z.coerce.number().int('paymentTerm').min(0, 'paymentTerm').max(120, 'paymentTerm')),
});

export const ZIssueFeeNote = z.discriminatedUnion('buyerKind', [ZCommon.extend(ZBuyerCompany.shape), ZCommon.extend(ZBuyerPerson.shape)]);
export type IssueFeeNoteInput = z.output<typeof ZIssueFeeNote>;
