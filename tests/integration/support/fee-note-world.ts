import { getDb } from '@/lib/db';
import type { Firm } from '@/lib/generated/prisma/client';
import { addFeeItem } from '@/lib/server/billing/add-fee-item';
import { addTimeEntry } from '@/lib/server/billing/add-time-entry';
import { issueFeeNote } from '@/lib/server/billing/issue-fee-note';
import { setBillingDetails } from '@/lib/server/billing/set-billing-details';
import type { Storage } from '@/lib/storage/storage';
import { createCase, createClient, createFirmWithStaff, newContext, type FirmWithStaff, type StaffMember } from './fixtures';

// Billing details that pass every check (KBO/BCE 0403.170.701 and its VAT number, a Belgian IBAN with valid digits).
export const BILLING_DETAILS = {
  legalName: 'Peeters & Partners BV', street: 'Louizalaan 100', postalCode: '1050', city: 'Brussel', country: 'BE',
  enterpriseNumber: '0403.170.701', vatNumber: 'BE 0403.170.701', iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', email: 'billing@peeters.example.test',
};

export const withBillingDetails = (_firm: Firm, admin: StaffMember) => setBillingDetails({ actor: admin.actor, input: BILLING_DETAILS, context: newContext() });

/** A Dutch company with its VAT number: reverse charge. */
export const DUTCH_EMPLOYER = { buyerKind: 'COMPANY', buyerName: 'Tulp Logistiek BV', buyerStreet: 'Keizersgracht 1', buyerPostalCode: '1015 CJ', buyerCity: 'Amsterdam', buyerCountry: 'NL', buyerVatNumber: 'NL123456789B01' } as const;

/** A firm with its staff and a portal client (with an address, for the buyer block) who has one case. */
export async function world(label: string, language: 'en' | 'nl' | 'fr' = 'nl') {
  const w = await createFirmWithStaff(label);
  const portal = await createClient(w.firm, { language, withPortal: true });
  await getDb().client.update({ where: { id: portal.client.id }, data: { addressLine: 'Rue Haute 12', postalCode: '1000', commune: 'Bruxelles' } });
  return { ...w, portal, kase: await createCase(w.firm, portal.client) };
}

export const fee = (w: FirmWithStaff & { kase: { id: string } }, unit: string, extra: Record<string, unknown> = {}) =>
  addFeeItem({ actor: w.advisor.actor, input: { caseId: w.kase.id, performedOn: '2026-12-01', description: 'Single permit application', unit, ...extra }, context: newContext() });
export const time = (w: FirmWithStaff & { kase: { id: string } }, minutes: number, actor = w.assistant.actor) =>
  addTimeEntry({ actor, input: { caseId: w.kase.id, workedOn: '2026-12-02', minutes, description: 'Preparing the file', rate: '125' }, context: newContext() });
export const issue = (w: FirmWithStaff & { kase: { id: string } }, extra: Record<string, unknown> = {}, storage?: Storage) =>
  issueFeeNote({ actor: w.advisor.actor, input: { caseId: w.kase.id, buyerKind: 'PERSON', issuedOn: '2026-12-07', paymentTermDays: '30', ...extra }, context: newContext(), ...(storage ? { storage } : {}) });
