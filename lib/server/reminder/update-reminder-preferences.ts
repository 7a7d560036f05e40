import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZReminderPreferences } from './reminder-preference-schemas';

/** A member's own choice: every reminder, or one digest a day at their hour; and a pause while on leave. */
export async function updateReminderPreferences({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.read');
  const { reminderMode, digestHour, pausedFrom, pausedUntil } = parseInput(ZReminderPreferences, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: actor.userId, deactivatedAt: null }, select: { id: true, reminderMode: true, digestHour: true, pausedFrom: true, pausedUntil: true } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.membership.update({
      where: { id: before.id, firmId: actor.firmId },
      data: { reminderMode, digestHour, pausedFrom: pausedFrom ? toDbDate(pausedFrom) : null, pausedUntil: pausedUntil ? toDbDate(pausedUntil) : null },
    });
    const day = (date: Date | null) => (date ? fromDbDate(date) : null);
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'member.reminder_preferences_updated', entity: 'member', entityId: before.id, context,
      before: { reminderMode: before.reminderMode, digestHour: before.digestHour, pausedFrom: day(before.pausedFrom), pausedUntil: day(before.pausedUntil) },
      after: { reminderMode, digestHour, pausedFrom, pausedUntil },
    });
    return { reminderMode, digestHour, pausedFrom, pausedUntil };
  });
}
