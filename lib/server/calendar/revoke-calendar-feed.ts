import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

/** Stops the person's feed URL from working. Idempotent: revoking twice, or with no feed, changes nothing. */
export async function revokeCalendarFeed({ actor }: { actor: StaffActor }): Promise<{ revoked: boolean }> {
  assertCan(actor, 'calendar.manage');
  const { count } = await getDb().membership.updateMany({
    where: { firmId: actor.firmId, userId: actor.userId, icalTokenHash: { not: null } },
    data: { icalTokenHash: null },
  });
  return { revoked: count > 0 };
}
