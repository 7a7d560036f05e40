import { getDb, type Tx } from '@/lib/db';
import type { Actor } from './actor';
import { newToken } from './secrets';

// A signed-in person is a row here; the JWT cookie only carries its id. Deleting or revoking the row, or
// deactivating the member, ends the session on the next request, which a bare JWT could not do.

export const STAFF_SESSION_HOURS = 12;
export const CLIENT_SESSION_HOURS = 24 * 7;
// Writing lastSeenAt on every request would turn every page view into a write.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(
  tx: Tx,
  input: { userId: string; firmId: string; kind: 'STAFF' | 'CLIENT'; ip: string | null; userAgent: string | null },
): Promise<string> {
  const hours = input.kind === 'STAFF' ? STAFF_SESSION_HOURS : CLIENT_SESSION_HOURS;
  const session = await tx.session.create({
    data: {
      sessionToken: newToken(),
      userId: input.userId,
      firmId: input.firmId,
      kind: input.kind,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      expires: new Date(Date.now() + hours * 3600 * 1000),
    },
  });
  return session.id;
}

/** The actor behind a session id, or null when the session is gone, expired, revoked or the member deactivated. */
export async function resolveSession(sessionId: string, now = new Date()): Promise<Actor | null> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId } });
  if (!session || session.revokedAt || session.expires <= now || !session.firmId) return null;
  let actor: Actor | null = null;
  if (session.kind === 'STAFF') {
    const membership = await db.membership.findUnique({ where: { firmId_userId: { firmId: session.firmId, userId: session.userId } } });
    if (membership && !membership.deactivatedAt) {
      actor = { kind: 'staff', userId: session.userId, firmId: session.firmId, role: membership.role, sessionId };
    }
  } else {
    const client = await db.client.findFirst({ where: { portalUserId: session.userId, firmId: session.firmId, deletedAt: null }, select: { id: true } });
    if (client) actor = { kind: 'client', userId: session.userId, firmId: session.firmId, clientId: client.id, sessionId };
  }
  if (actor && now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return actor;
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session a user has in one firm (deactivation, role change to nothing). */
export async function revokeUserSessions(tx: Tx, userId: string, firmId: string): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, firmId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
