import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { toDbDate } from '@/lib/dates';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { billableCase } from './billable-case';
import { ZAddFeeItem } from './billing-schemas';

/** A fixed fee on a paying case (a filing, a flat-rate service), excl. VAT, to go on its next fee note. */
export async function addFeeItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const data = parseInput(ZAddFeeItem, input);
  return getDb().$transaction(async (tx) => {
    await billableCase(tx, actor.firmId, data.caseId, data.serviceId);
    const item = await tx.feeItem.create({
      data: { firmId: actor.firmId, caseId: data.caseId, createdById: actor.userId, performedOn: toDbDate(data.performedOn), description: data.description, quantity: data.quantity, serviceId: data.serviceId ?? null, unitCents: data.unit, vatRateBasisPoints: data.vatRateBasisPoints },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.fee_added', entity: 'fee_note', entityId: item.id, context,
      after: { caseId: data.caseId, performedOn: data.performedOn, quantity: data.quantity, unitCents: data.unit, vatRateBasisPoints: data.vatRateBasisPoints, serviceId: data.serviceId ?? null },
    });
    return { id: item.id };
  });
}
