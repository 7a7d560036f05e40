import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { toDbDate } from '@/lib/dates';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { billableCase } from './billable-case';
import { ZAddTimeEntry } from './billing-schemas';

/** Time worked on a paying case, by the member entering it, at the rate given (from a service or their own). */
export async function addTimeEntry({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'time.enter');
  const data = parseInput(ZAddTimeEntry, input);
  return getDb().$transaction(async (tx) => {
    await billableCase(tx, actor.firmId, data.caseId, data.serviceId);
    const entry = await tx.timeEntry.create({
      data: { firmId: actor.firmId, caseId: data.caseId, userId: actor.userId, workedOn: toDbDate(data.workedOn), minutes: data.minutes, description: data.description, serviceId: data.serviceId ?? null, rateCents: data.rate, vatRateBasisPoints: data.vatRateBasisPoints },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'fee_note.time_added', entity: 'fee_note', entityId: entry.id, context,
      after: { caseId: data.caseId, workedOn: data.workedOn, minutes: data.minutes, rateCents: data.rate, vatRateBasisPoints: data.vatRateBasisPoints, serviceId: data.serviceId ?? null },
    });
    return { id: entry.id };
  });
}
