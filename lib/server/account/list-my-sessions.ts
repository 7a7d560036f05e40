import type { Actor } from '@/lib/auth/actor';
import { describeDevice, type Device } from '@/lib/auth/describe-device';
import { getDb } from '@/lib/db';

export type MySession = { id: string; current: boolean; device: Device; ip: string | null; firmName: string | null; signedInAt: Date; lastSeenAt: Date; expires: Date };

/**
 * The signed-in person's live sessions, in every firm they work for, most recent first: what they need to spot a
 * sign-in that is not theirs. Only their own rows (userId from the session, never from input).
 */
export async function listMySessions({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MySession[]> {
  const db = getDb();
  const rows = await db.session.findMany({
    where: { userId: actor.userId, kind: actor.kind === 'staff' ? 'STAFF' : 'CLIENT', revokedAt: null, expires: { gt: now } },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, expires: true, firmId: true },
  });
  const firmIds = [...new Set(rows.flatMap((row) => (row.firmId ? [row.firmId] : [])))];
  const firms = new Map((await db.firm.findMany({ where: { id: { in: firmIds } }, select: { id: true, name: true } })).map((firm) => [firm.id, firm.name]));
  return rows.map((row) => ({
    id: row.id,
    current: row.id === actor.sessionId,
    device: describeDevice(row.userAgent),
    ip: row.ip,
    firmName: row.firmId ? (firms.get(row.firmId) ?? null) : null,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expires: row.expires,
  }));
}
