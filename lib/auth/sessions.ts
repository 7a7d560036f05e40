import { getDb, type Tx } from '@/lib/db';
import type { Locale, Role, SecondFactorPolicy } from '@/lib/generated/prisma/enums';
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

/** What the app shell shows besides who is acting: the firm and the person (see get-firm-context.ts). */
export type SessionFirmContext = {
  firm: { id: string; name: string; secondFactorPolicy: SecondFactorPolicy; requireDeadlineConfirmation: boolean };
  user: { name: string | null; email: string; totpEnabledAt: Date | null; hasPasskey: boolean; locale: Locale };
};

type SessionRow = {
  userId: string; firmId: string | null; kind: string; expires: Date; revokedAt: Date | null; lastSeenAt: Date;
  role: Role | null; deactivatedAt: Date | null; clientId: string | null;
  firmName: string | null; secondFactorPolicy: SecondFactorPolicy | null; requireDeadlineConfirmation: boolean | null;
  userName: string | null; email: string; totpEnabledAt: Date | null; hasPasskey: boolean; locale: Locale;
};

/**
 * The actor behind a session id, or null when the session is gone, expired, revoked or the member deactivated;
 * with the firm and person the shell shows. One query on every request (the session, its membership or client
 * record, the firm and the user), as every page and action starts with it.
 */
export async function resolveSessionWithContext(sessionId: string, now = new Date()): Promise<{ actor: Actor; context: SessionFirmContext } | null> {
  const db = getDb();
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."userId", s."firmId", s."kind", s."expires", s."revokedAt", s."lastSeenAt",
      m."role"::text AS "role", m."deactivatedAt", cl."id" AS "clientId",
      f."name" AS "firmName", f."secondFactorPolicy"::text AS "secondFactorPolicy", f."requireDeadlineConfirmation",
      u."name" AS "userName", u."email", u."totpEnabledAt", u."locale"::text AS "locale",
      EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u."id") AS "hasPasskey"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Firm" f ON f."id" = s."firmId"
    LEFT JOIN "Membership" m ON s."kind" = 'STAFF' AND m."firmId" = s."firmId" AND m."userId" = s."userId"
    LEFT JOIN LATERAL (
      SELECT c."id" FROM "Client" c
      WHERE s."kind" = 'CLIENT' AND c."portalUserId" = s."userId" AND c."firmId" = s."firmId" AND c."deletedAt" IS NULL
      LIMIT 1
    ) cl ON true
    WHERE s."id" = ${sessionId}`;
  if (!row || row.revokedAt || row.expires <= now || !row.firmId || !row.firmName) return null;
  let actor: Actor | null = null;
  if (row.kind === 'STAFF') {
    if (row.role && !row.deactivatedAt) actor = { kind: 'staff', userId: row.userId, firmId: row.firmId, role: row.role, sessionId };
  } else if (row.clientId) {
    actor = { kind: 'client', userId: row.userId, firmId: row.firmId, clientId: row.clientId, sessionId };
  }
  if (!actor) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    actor,
    context: {
      firm: { id: row.firmId, name: row.firmName, secondFactorPolicy: row.secondFactorPolicy ?? 'NONE', requireDeadlineConfirmation: row.requireDeadlineConfirmation ?? false },
      user: { name: row.userName, email: row.email, totpEnabledAt: row.totpEnabledAt, hasPasskey: row.hasPasskey, locale: row.locale },
    },
  };
}

/** The actor behind a session id, or null (see resolveSessionWithContext). */
export async function resolveSession(sessionId: string, now = new Date()): Promise<Actor | null> {
  return (await resolveSessionWithContext(sessionId, now))?.actor ?? null;
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session a user has in one firm (deactivation, role change to nothing). */
export async function revokeUserSessions(tx: Tx, userId: string, firmId: string): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, firmId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
