import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZEndMemberSessions = z.object({ membershipId: z.string().min(1).max(64) });

/**
 * An admin signs a member out everywhere in this firm (a stolen phone, a departure before the account is
 * deactivated). Their sessions in other firms are not this firm's to end.
 */
export async function endMemberSessions({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }): Promise<{ ended: number }> {
  assertCan(actor, 'member.sessions.end');
  const { membershipId } = parseInput(ZEndMemberSessions, input);
  return getDb().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, firmId: actor.firmId }, select: { id: true, userId: true } });
    if (!membership) throw new AppError('NOT_FOUND', { message: `no member ${membershipId} in firm` });
    const ended = await revokeUserSessions(tx, membership.userId, actor.firmId);
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'member.sessions_ended', entity: 'member', entityId: membership.id, after: { sessions: ended }, context });
    return { ended };
  });
}
