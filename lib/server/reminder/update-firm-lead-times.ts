import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { lockedFirmSettings } from '@/lib/server/firm/locked-firm-settings';
import { LONGEST_LEAD_DAYS } from './lead-times';
import { ZFirmLeadTimes } from './reminder-preference-schemas';

/**
 * The firm's lead times, kind by kind, kept in Firm.settings.reminders.leadDays beside the other settings.
 * The row is locked while it is rewritten so a concurrent change of another setting is not lost.
 */
export async function updateFirmLeadTimes({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.settings.update');
  const leadDays = parseInput(ZFirmLeadTimes, input);
  return getDb().$transaction(async (tx) => {
    const settings = await lockedFirmSettings(tx, actor.firmId);
    const reminders = (settings.reminders as Record<string, unknown> | undefined) ?? {};
    await tx.firm.update({ where: { id: actor.firmId }, data: { settings: { ...settings, reminders: { ...reminders, leadDays } } } });
    // Each open deadline's next look was planned from the old lead times: look at them all again, from the
    // earliest day a lead may fall on, as the deadline_remind_on trigger does for a moved deadline.
    await tx.$executeRaw`UPDATE "Deadline" SET "remindOn" = LEAST("dueOn" - ${LONGEST_LEAD_DAYS}::int, "opensOn") WHERE "firmId" = ${actor.firmId} AND "status" = 'OPEN'`;
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context,
      before: { reminderLeadDays: reminders.leadDays ?? null }, after: { reminderLeadDays: leadDays },
    });
    return { leadDays };
  });
}
