import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { leadTimesFrom } from './lead-times';

/** The member's own reminder preferences and the firm's lead times, for the reminders page. */
export async function getReminderSettings({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.read');
  const membership = await getDb().membership.findFirst({
    where: { firmId: actor.firmId, userId: actor.userId, deactivatedAt: null },
    select: { reminderMode: true, digestHour: true, pausedFrom: true, pausedUntil: true, firm: { select: { settings: true } } },
  });
  if (!membership) throw new AppError('NOT_FOUND');
  return {
    reminderMode: membership.reminderMode,
    digestHour: membership.digestHour,
    pausedFrom: membership.pausedFrom ? fromDbDate(membership.pausedFrom) : null,
    pausedUntil: membership.pausedUntil ? fromDbDate(membership.pausedUntil) : null,
    leadTimes: leadTimesFrom(membership.firm.settings),
  };
}
