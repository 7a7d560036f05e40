import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZFamilyLinkVisibility } from './family-link-schemas';

/** Shows or hides a relative (name and relation only) in the client's portal. */
export async function setFamilyLinkVisibility({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'client.update');
  const { linkId, visibleInPortal } = parseInput(ZFamilyLinkVisibility, input);
  return getDb().$transaction(async (tx) => {
    const link = await tx.familyLink.findFirst({ where: { id: linkId, firmId: actor.firmId, client: { deletedAt: null } } });
    if (!link) throw new AppError('NOT_FOUND');
    if (link.visibleInPortal === visibleInPortal) return link;
    const updated = await tx.familyLink.update({ where: { id: link.id, firmId: actor.firmId }, data: { visibleInPortal } });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'client.family_link_updated',
      entity: 'client',
      entityId: link.clientId,
      before: { linkId: link.id, visibleInPortal: link.visibleInPortal },
      after: { linkId: link.id, visibleInPortal },
      context,
    });
    return updated;
  });
}
