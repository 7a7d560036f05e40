import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZLinkFamilyMember } from './family-link-schemas';

/**
 * Records that `relatedClientId` is the client's spouse, child, sponsor…: both people must be clients of the
 * actor's firm. The link reads one way (it appears in the client's portal only if `visibleInPortal`); the other
 * person's file shows it as "linked from", and may get a link of its own.
 */
export async function linkFamilyMember({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'client.update');
  const data = parseInput(ZLinkFamilyMember, input);
  if (data.clientId === data.relatedClientId) {
    throw new AppError('VALIDATION', { message: 'a client cannot be their own relative', userMessage: 'clients.familyLink.self' });
  }
  return getDb().$transaction(async (tx) => {
    const people = await tx.client.findMany({
      where: { id: { in: [data.clientId, data.relatedClientId] }, firmId: actor.firmId, deletedAt: null },
      select: { id: true },
    });
    // Another firm's client, or a deleted one, is simply not there.
    if (people.length !== 2) throw new AppError('NOT_FOUND');
    const existing = await tx.familyLink.findFirst({ where: { firmId: actor.firmId, clientId: data.clientId, relatedClientId: data.relatedClientId }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', { message: 'already linked', userMessage: 'clients.familyLink.exists' });
    const link = await tx.familyLink.create({ data: { firmId: actor.firmId, ...data } });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'client.family_linked',
      entity: 'client',
      entityId: data.clientId,
      after: { linkId: link.id, relatedClientId: data.relatedClientId, relation: data.relation, visibleInPortal: data.visibleInPortal },
      context,
    });
    return link;
  });
}
