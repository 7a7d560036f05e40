import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZRemoveOtherParty } from './other-party-schemas';

/**
 * Takes an other party off the case: the row stays with deletedAt set, as notes and documents do, so the firm can
 * show later who was on file; the conflict check no longer looks at it.
 */
export async function removeOtherParty({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'other_party.delete');
  const { otherPartyId } = parseInput(ZRemoveOtherParty, input);
  return getDb().$transaction(async (tx) => {
    const party = await tx.otherParty.findFirst({ where: { id: otherPartyId, firmId: actor.firmId, deletedAt: null }, select: { id: true, caseId: true, role: true } });
    if (!party) throw new AppError('NOT_FOUND');
    await tx.otherParty.update({ where: { id: party.id, firmId: actor.firmId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'other_party.removed', entity: 'other_party', entityId: party.id, context,
      before: { caseId: party.caseId, role: party.role },
    });
    return { id: party.id, caseId: party.caseId };
  });
}
