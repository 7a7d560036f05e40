import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { billingDetailsForForm, ZBillingDetails } from './billing-details';

/** Sets what fee notes print about the firm. Issued notes keep their own snapshot, so this never rewrites one. */
export async function setBillingDetails({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.settings.update');
  const details = parseInput(ZBillingDetails, input);
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ billingDetails: unknown }[]>`SELECT "billingDetails" FROM "Firm" WHERE "id" = ${actor.firmId} FOR UPDATE`;
    await tx.firm.update({ where: { id: actor.firmId }, data: { billingDetails: details } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context,
      before: { billingDetails: billingDetailsForForm(row?.billingDetails) }, after: { billingDetails: details },
    });
    return details;
  });
}
