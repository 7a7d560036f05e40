import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * The client's own record and cases, nothing else: scoped by the client id from the session and the firm,
 * and selecting only what a client may see (no internal notes, no references to other clients).
 */
export async function getPortalOverview({ actor }: { actor: ClientActor }) {
  const db = getDb();
  const client = await db.client.findFirst({
    where: { id: actor.clientId, firmId: actor.firmId, deletedAt: null },
    select: {
      firstName: true,
      lastName: true,
      language: true,
      firm: { select: { name: true } },
      cases: {
        where: { deletedAt: null },
        orderBy: { createdAt: 'desc' },
        select: { id: true, reference: true, procedure: true, stage: true, assignedTo: { select: { name: true } } },
      },
    },
  });
  if (!client) throw new AppError('NOT_FOUND');
  return client;
}
