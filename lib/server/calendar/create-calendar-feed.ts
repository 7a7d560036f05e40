import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { calendarFeedUrl } from './calendar-feed-url';

/**
 * A new secret feed URL for the person in this firm. Only the SHA-256 of the token is stored, replacing the
 * previous one, so regenerating revokes the old URL at once; the URL itself is returned here and never again.
 */
export async function createCalendarFeed({ actor, context = null }: { actor: StaffActor; context?: RequestContext | null }): Promise<{ url: string }> {
  assertCan(actor, 'calendar.manage');
  const token = newToken();
  return getDb().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: actor.userId, deactivatedAt: null }, select: { id: true } });
    if (!membership) throw new AppError('NOT_FOUND', { message: 'no active membership for the calendar feed' });
    await tx.membership.update({ where: { id: membership.id, firmId: actor.firmId }, data: { icalTokenHash: hashToken(token) } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'member.calendar_feed_created', entity: 'member', entityId: membership.id, context });
    return { url: calendarFeedUrl(token) };
  });
}
