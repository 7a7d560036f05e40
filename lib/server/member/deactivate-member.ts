import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { assertAnotherAdminRemains } from './last-admin';
import { ZMembershipRef } from './member-schemas';

/** Deactivation keeps the person's history but ends their sessions in this firm at once. */
export async function deactivateMember({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'member.deactivate');
  const { membershipId } = parseInput(ZMembershipRef, input);
  return getDb().$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, firmId: actor.firmId, deactivatedAt: null } });
    if (!member) throw new AppError('NOT_FOUND');
    if (member.role === 'ADMIN') await assertAnotherAdminRemains(tx, actor.firmId, member.id);
    const after = await tx.membership.update({ where: { id: member.id, firmId: actor.firmId }, data: { deactivatedAt: new Date() } });
    const sessionsEnded = await revokeUserSessions(tx, member.userId, actor.firmId);
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'member.deactivated',
      entity: 'member',
      entityId: member.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: after.deactivatedAt, sessionsEnded },
      context,
    });
    return after;
  });
}
