import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { hashToken, newToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { calendarFeedUrl } from './calendar-feed-url';

/**
 * A new secret feed URL for the person in this firm. Only the SHA-256 of the token is stored, replacing the
 * previous one, so regenerating revokes the old URL at once; the URL itself is returned here and never again.
 */
export async function createCalendarFeed({ actor }: { actor: StaffActor }): Promise<{ url: string }> {
  assertCan(actor, 'calendar.manage');
  const token = newToken();
  const { count } = await getDb().membership.updateMany({
    where: { firmId: actor.firmId, userId: actor.userId, deactivatedAt: null },
    data: { icalTokenHash: hashToken(token) },
  });
  if (count === 0) throw new AppError('NOT_FOUND', { message: 'no active membership for the calendar feed' });
  return { url: calendarFeedUrl(token) };
}
