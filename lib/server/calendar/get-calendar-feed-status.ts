import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

/** Whether the person has a working feed URL in this firm; the URL itself cannot be shown again. */
export async function getCalendarFeedStatus({ actor }: { actor: StaffActor }): Promise<{ active: boolean }> {
  assertCan(actor, 'calendar.manage');
  const membership = await getDb().membership.findFirst({
    where: { firmId: actor.firmId, userId: actor.userId },
    select: { icalTokenHash: true, deactivatedAt: true },
  });
  return { active: Boolean(membership?.icalTokenHash && !membership.deactivatedAt) };
}
