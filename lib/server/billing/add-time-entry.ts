import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { toDbDate } from '@/lib/dates';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { billableCase, missingField } from './billable-case';
import { DEFAULT_VAT_RATE, ZAddTimeEntry } from './billing-schemas';

/** Time worked on a paying case, by the member entering it, at the rate given (from a service or their own). */
export async function addTimeEntry({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const data = parseInput(ZAddTimeEntry, input);
  return getDb().$transaction(async (tx) => {
    const { service } = await billableCase(tx, actor.firmId, data.caseId, data.serviceId);
    const description = data.description ?? service?.name ?? missingField('description');
    // Only an hourly service has a rate to offer; for a fixed-fee one the member types the rate of this work.
    const rateCents = data.rate ?? (service?.feeKind === 'HOURLY' ? service.feeCents : missingField('rate'));
    const vatRateBasisPoints = data.vatRateBasisPoints ?? service?.vatRateBasisPoints ?? DEFAULT_VAT_RATE;
    const entry = await tx.timeEntry.create({
      data: { firmId: actor.firmId, caseId: data.caseId, userId: actor.userId, workedOn: toDbDate(data.workedOn), minutes: data.minutes, description, serviceId: service?.id ?? null, rateCents, vatRateBasisPoints },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.time_added', entity: 'fee_note', entityId: entry.id, context,
      after: { caseId: data.caseId, workedOn: data.workedOn, minutes: data.minutes, rateCents, vatRateBasisPoints, serviceId: service?.id ?? null },
    });
    return { id: entry.id };
  });
}
