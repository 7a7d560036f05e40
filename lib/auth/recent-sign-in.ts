import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor, StaffActor } from './actor';

// Adding or removing a passkey and replacing recovery codes change how the account is protected: a session left
// open on a shared computer must not be enough to give someone else a way in, or to take the owner's away.
// These need a sign-in in the last quarter of an hour.
export const RECENT_SIGN_IN_MINUTES = 15;

export async function assertRecentSignIn(db: Db | Tx, actor: Actor, now = new Date()): Promise<StaffActor> {
  // Portal users sign in by emailed link only; second factors are for staff accounts.
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const recent = actor.sessionId
    ? await db.session.count({ where: { id: actor.sessionId, userId: actor.userId, revokedAt: null, createdAt: { gte: new Date(now.getTime() - RECENT_SIGN_IN_MINUTES * 60_000) } } })
    : 0;
  if (recent === 0) throw new AppError('FORBIDDEN', { message: 'sign-in not recent', userMessage: 'security.signInAgain' });
  return actor;
}
