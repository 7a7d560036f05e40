import type { StaffActor } from '@/lib/auth/actor';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** The case an appeal is prepared for, in the actor's firm; a case of another firm is simply not found. */
export async function findAppealCase(tx: Tx, actor: StaffActor, caseId: string) {
  const kase = await tx.case.findFirst({
    where: { id: caseId, firmId: actor.firmId, deletedAt: null },
    select: { id: true, clientId: true, stage: true, version: true, reference: true, facts: true, dvzFileNumber: true, decisionNotifiedOn: true, appealRegime: true, assignedToId: true, client: { select: { firstName: true, lastName: true, birthDate: true, nationality: true, language: true } } },
  });
  if (!kase) throw new AppError('NOT_FOUND');
  return kase;
}

/** The filing being prepared: the latest one not yet submitted. A submitted filing is history, never edited. */
export async function currentFiling(tx: Tx, firmId: string, caseId: string) {
  return tx.appealFiling.findFirst({ where: { firmId, caseId, submittedAt: null }, orderBy: { createdAt: 'desc' } });
}

/** Ids among `ids` that are not live documents of this client in this firm (another client's, another firm's, deleted). */
export async function foreignDocumentIds(tx: Tx, firmId: string, clientId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await tx.document.findMany({ where: { id: { in: ids }, firmId, clientId, deletedAt: null }, select: { id: true } });
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}
