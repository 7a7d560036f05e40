import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZEndMySession = z.union([z.object({ sessionId: z.string().min(1).max(64) }), z.object({ others: z.literal(true) })]);

/**
 * Ends one of the person's own sessions (a laptop left signed in at the commune), or every one but this.
 * The session row is revoked, so the cookie on that device stops working on its next request. A session id
 * that is not theirs is "not found", the same as one that does not exist.
 */
export async function endMySession({ actor, input, context }: { actor: Actor; input: unknown; context: RequestContext }): Promise<{ ended: number }> {
  const target = parseInput(ZEndMySession, input);
  return getDb().$transaction(async (tx) => {
    const where = 'sessionId' in target
      ? { id: target.sessionId, userId: actor.userId, revokedAt: null }
      : { userId: actor.userId, revokedAt: null, expires: { gt: new Date() }, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
    const sessions = await tx.session.findMany({ where, select: { id: true } });
    if ('sessionId' in target && sessions.length === 0) throw new AppError('NOT_FOUND', { message: 'no such session of this user' });
    const ids = sessions.map((session) => session.id);
    await tx.session.updateMany({ where: { id: { in: ids }, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    for (const id of ids) {
      await recordAudit(tx, { firmId: actor.firmId, actor: { kind: actor.kind, userId: actor.userId }, action: 'auth.session_ended', entity: 'session', entityId: id, after: { by: 'self', current: id === actor.sessionId }, context });
    }
    return { ended: ids.length };
  });
}
