import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { openIdentityNumbers } from './identity-numbers';

/**
 * The client page: identity (numbers decrypted here, and only here for the screen), contact, family, every case
 * (initial, renewal, appeal), documents and notes.
 */
export async function getClient({ actor, clientId }: { actor: StaffActor; clientId: string }) {
  assertCan(actor, 'client.read');
  const client = await getDb().client.findFirst({
    where: { id: clientId, firmId: actor.firmId, deletedAt: null },
    omit: { nationalRegisterNumberHash: true, passportNumberHash: true },
    include: {
      cases: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, reference: true, procedure: true, stage: true, nextDeadlineOn: true, nextDeadlineKind: true, assignedTo: { select: { name: true } } } },
      documents: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, title: true, kind: true, expiresOn: true } },
      notes: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, body: true, visibility: true, fromClient: true, createdAt: true, author: { select: { name: true } } } },
      links: { where: { related: { deletedAt: null } }, orderBy: { createdAt: 'asc' }, select: { id: true, relation: true, visibleInPortal: true, related: { select: { id: true, firstName: true, lastName: true, fileNumber: true } } } },
      linkedFrom: { where: { client: { deletedAt: null } }, orderBy: { createdAt: 'asc' }, select: { id: true, relation: true, client: { select: { id: true, firstName: true, lastName: true, fileNumber: true } } } },
      portalUser: { select: { email: true, emailVerified: true } },
    },
  });
  if (!client) throw new AppError('NOT_FOUND');
  const identity = openIdentityNumbers(client);
  const { nationalRegisterNumberEnc: _nrn, passportNumberEnc: _passport, ...rest } = client;
  return { ...rest, ...identity };
}
