import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { SERVICE_VIEW } from './service-select';

/**
 * For the portal: the firm's live services that apply to one of the signed-in client's own cases, by its
 * procedure. Another client's case, or another firm's, has none.
 */
export async function listCaseServicesForClient({ actor, caseId }: { actor: ClientActor; caseId: string }) {
  const db = getDb();
  const kase = await db.case.findFirst({ where: { id: caseId, firmId: actor.firmId, clientId: actor.clientId, deletedAt: null }, select: { procedure: true } });
  if (!kase) return [];
  return db.service.findMany({
    where: { firmId: actor.firmId, archivedAt: null, procedures: { has: kase.procedure } },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: SERVICE_VIEW,
  });
}
