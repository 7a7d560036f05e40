import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';

/**
 * What the client is asked to provide, on their own open cases only: the document, its state, the reason
 * when it was sent back, and the file they sent. Items the advisor has not asked for (even one staff filed a paper for) stay internal.
 */
export async function listPortalDocumentRequests({ actor }: { actor: ClientActor }) {
  const items = await getDb().checklistItem.findMany({
    where: { firmId: actor.firmId, requestedAt: { not: null }, case: { clientId: actor.clientId, deletedAt: null, closedAt: null } },
    orderBy: [{ case: { createdAt: 'desc' } }, { position: 'asc' }],
    select: {
      id: true, caseId: true, documentKind: true, ruleKey: true, label: true, status: true, rejectionReason: true, requestedAt: true,
      case: { select: { reference: true, procedure: true } },
      document: { select: { versions: { where: { fromClient: true, uploadedById: actor.userId }, orderBy: { version: 'desc' }, take: 1, select: { id: true, fileName: true, uploadedAt: true } } } },
    },
  });
  return items.map(({ document, ...item }) => ({ ...item, lastUpload: document?.versions[0] ?? null }));
}
