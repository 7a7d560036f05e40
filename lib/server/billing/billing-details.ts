import { z } from 'zod';
import { normalizeBelgianVatNumber, normalizeEnterpriseNumber, normalizeIban } from './check-digits';

// What a fee note prints about the firm (Firm.billingDetails). The same schema checks the settings form and the
// stored JSON before issuing: a note without the firm's KBO/BCE number, VAT number or IBAN is not a valid invoice
// (art. 5 Royal Decree no. 1 on VAT), so issuing refuses until all of it is there.

const text = (max: number) => z.string().trim().min(1, 'required').max(max);

export const ZBillingDetails = z.object({
  legalName: text(200),
  street: text(200),
  postalCode: text(16),
  city: text(100),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country'),
  enterpriseNumber: z.string().trim().transform((value, ctx) => normalizeEnterpriseNumber(value) ?? (ctx.addIssue({ code: 'custom', message: 'enterpriseNumber' }), z.NEVER)),
  vatNumber: z.string().trim().transform((value, ctx) => normalizeBelgianVatNumber(value) ?? (ctx.addIssue({ code: 'custom', message: 'vatNumber' }), z.NEVER)),
  iban: z.string().trim().transform((value, ctx) => normalizeIban(value) ?? (ctx.addIssue({ code: 'custom', message: 'iban' }), z.NEVER)),
  bic: z.string().trim().toUpperCase().regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'bic'),
  email: z.string().trim().toLowerCase().email('email').max(254),
}).refine((details) => details.vatNumber === `BE${details.enterpriseNumber}`, { path: ['vatNumber'], message: 'vatMismatch' });

export type BillingDetails = z.output<typeof ZBillingDetails>;

/** The stored details when complete and valid, else null (issuing refuses, the settings form shows what is there). */
export function completeBillingDetails(stored: unknown): BillingDetails | null {
  const parsed = ZBillingDetails.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The stored values as strings, for the form's defaults. */
export function billingDetailsForForm(stored: unknown): Record<keyof BillingDetails, string> {
  const source = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const keys = ['legalName', 'street', 'postalCode', 'city', 'country', 'enterpriseNumber', 'vatNumber', 'iban', 'bic', 'email'] as const;
  return Object.fromEntries(keys.map((key) => [key, typeof source[key] === 'string' ? source[key] : ''])) as Record<keyof BillingDetails, string>;
}
