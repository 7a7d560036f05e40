import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * The client's own record and cases, nothing else: scoped by the client id from the session and the firm,
 * and selecting only what a client may see: each case's stage and card, the deadlines that are theirs to meet
 * (never the advisor's own), and the family members the advisor chose to show. No internal notes, no facts.
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
      links: { where: { visibleInPortal: true, related: { deletedAt: null } }, orderBy: { createdAt: 'asc' }, select: { relation: true, related: { select: { firstName: true, lastName: true } } } },
      cases: {
        where: { deletedAt: null },
        orderBy: { createdAt: 'desc' },
        select: {
          id: true, reference: true, procedure: true, stage: true, closedAt: true, cardType: true, cardNumber: true, cardValidFrom: true, cardValidUntil: true,
          assignedTo: { select: { name: true, email: true } },
          deadlines: {
            where: { actor: 'CLIENT', status: 'OPEN' },
            orderBy: { dueOn: 'asc' },
            select: { id: true, kind: true, dueOn: true, opensOn: true, basis: true },
          },
        },
      },
    },
  });
  if (!client) throw new AppError('NOT_FOUND');
  return client;
}

export type PortalOverview = Awaited<ReturnType<typeof getPortalOverview>>;
