import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZFamilyLinkId } from './family-link-schemas';

/** Removes a family link (a mistaken one, or after a divorce); the audit row keeps what it said. */
export async function unlinkFamilyMember({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'client.update');
  const { linkId } = parseInput(ZFamilyLinkId, input);
  return getDb().$transaction(async (tx) => {
    const link = await tx.familyLink.findFirst({ where: { id: linkId, firmId: actor.firmId, client: { deletedAt: null } } });
    if (!link) throw new AppError('NOT_FOUND');
    await tx.familyLink.delete({ where: { id: link.id, firmId: actor.firmId } });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'client.family_unlinked',
      entity: 'client',
      entityId: link.clientId,
      before: { linkId: link.id, relatedClientId: link.relatedClientId, relation: link.relation, visibleInPortal: link.visibleInPortal },
      context,
    });
    return { id: link.id };
  });
}
