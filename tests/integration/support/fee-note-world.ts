import type { Firm } from '@/lib/generated/prisma/client';
import { setBillingDetails } from '@/lib/server/billing/set-billing-details';
import { newContext, type StaffMember } from './fixtures';

// Billing details that pass every check (KBO/BCE 0403.170.701 and its VAT number, a Belgian IBAN with valid digits).
export const BILLING_DETAILS = {
  legalName: 'Peeters & Partners BV', street: 'Louizalaan 100', postalCode: '1050', city: 'Brussel', country: 'BE',
  enterpriseNumber: '0403.170.701', vatNumber: 'BE 0403.170.701', iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', email: 'billing@peeters.example.test',
};

export const withBillingDetails = (_firm: Firm, admin: StaffMember) => setBillingDetails({ actor: admin.actor, input: BILLING_DETAILS, context: newContext() });

/** A Dutch company with its VAT number: reverse charge. */
export const DUTCH_EMPLOYER = { buyerKind: 'COMPANY', buyerName: 'Tulp Logistiek BV', buyerStreet: 'Keizersgracht 1', buyerPostalCode: '1015 CJ', buyerCity: 'Amsterdam', buyerCountry: 'NL', buyerVatNumber: 'NL123456789B01' } as const;
