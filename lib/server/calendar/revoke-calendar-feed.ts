import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';

/** Stops the person's feed URL from working. Idempotent: revoking twice, or with no feed, changes nothing. */
export async function revokeCalendarFeed({ actor, context = null }: { actor: StaffActor; context?: RequestContext | null }): Promise<{ revoked: boolean }> {
  assertCan(actor, 'calendar.manage');
  return getDb().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: actor.userId, icalTokenHash: { not: null } }, select: { id: true } });
    if (!membership) return { revoked: false };
    await tx.membership.update({ where: { id: membership.id, firmId: actor.firmId }, data: { icalTokenHash: null } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'member.calendar_feed_revoked', entity: 'member', entityId: membership.id, context });
    return { revoked: true };
  });
}
