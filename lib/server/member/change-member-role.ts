import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { assertAnotherAdminRemains } from './last-admin';
import { ZChangeRole } from './member-schemas';

export async function changeMemberRole({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'member.update');
  const { membershipId, role } = parseInput(ZChangeRole, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { id: membershipId, firmId: actor.firmId } });
    if (!before) throw new AppError('NOT_FOUND');
    if (before.role === role) return before;
    if (before.role === 'ADMIN') await assertAnotherAdminRemains(tx, actor.firmId, before.id);
    const after = await tx.membership.update({ where: { id: before.id, firmId: actor.firmId }, data: { role } });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'member.role_changed',
      entity: 'member',
      entityId: after.id,
      before: { role: before.role },
      after: { role: after.role },
      context,
    });
    return after;
  });
}
