import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { toDbDate } from '@/lib/dates';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { billableCase, missingField } from './billable-case';
import { DEFAULT_VAT_RATE, ZAddFeeItem } from './billing-schemas';

/**
 * A fixed fee on a paying case (a filing, a flat-rate service), excl. VAT, to go on its next fee note. Picked from the
 * catalogue, it takes the service's name, fixed fee and VAT unless the member typed their own.
 */
export async function addFeeItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const data = parseInput(ZAddFeeItem, input);
  return getDb().$transaction(async (tx) => {
    const { service } = await billableCase(tx, actor.firmId, data.caseId, data.serviceId);
    const description = data.description ?? service?.name ?? missingField('description');
    // An hourly service has no fixed amount to offer: the member types it.
    const unitCents = data.unit ?? (service?.feeKind === 'FIXED' ? service.feeCents : missingField('unit'));
    const vatRateBasisPoints = data.vatRateBasisPoints ?? service?.vatRateBasisPoints ?? DEFAULT_VAT_RATE;
    const item = await tx.feeItem.create({
      data: { firmId: actor.firmId, caseId: data.caseId, createdById: actor.userId, performedOn: toDbDate(data.performedOn), description, quantity: data.quantity, serviceId: service?.id ?? null, unitCents, vatRateBasisPoints },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.fee_added', entity: 'fee_note', entityId: item.id, context,
      after: { caseId: data.caseId, performedOn: data.performedOn, quantity: data.quantity, unitCents, vatRateBasisPoints, serviceId: service?.id ?? null },
    });
    return { id: item.id };
  });
}
