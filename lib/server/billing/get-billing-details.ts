import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { billingDetailsForForm, completeBillingDetails } from './billing-details';

/** The firm's billing details for the settings form, and whether fee notes can be issued with them. */
export async function getBillingDetails({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.settings.update');
  const firm = await getDb().firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { billingDetails: true } });
  return { values: billingDetailsForForm(firm.billingDetails), complete: completeBillingDetails(firm.billingDetails) !== null };
}
