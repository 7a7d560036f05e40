import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { ZSaveAppealFiling } from './appeal-schemas';
import { currentFiling, findAppealCase, foreignDocumentIds } from './find-appeal-case';

/**
 * What goes into the RvV/CCE filing: the language of procedure, the petition, the contested decision and the
 * annexes, all chosen among the client's own documents. A changed choice drops a packet built earlier, so
 * what is downloaded always matches what is listed.
 */
export async function saveAppealFiling({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'appeal.prepare');
  const parsed = parseInput(ZSaveAppealFiling, input);
  const annexDocumentIds = [...new Set(parsed.annexDocumentIds)].filter((id) => id !== parsed.petitionDocumentId && id !== parsed.decisionDocumentId);
  const saved = await getDb().$transaction(async (tx) => {
    const kase = await findAppealCase(tx, actor, parsed.caseId);
    if (kase.stage !== 'REFUSED') throw new AppError('VALIDATION', { message: `case is ${kase.stage}`, userMessage: 'appeals.filing.notRefused' });
    const chosen = [parsed.petitionDocumentId, parsed.decisionDocumentId, ...annexDocumentIds].filter((id): id is string => Boolean(id));
    if ((await foreignDocumentIds(tx, actor.firmId, kase.clientId, chosen)).length > 0) throw new AppError('NOT_FOUND');
    const data = { language: parsed.language, petitionDocumentId: parsed.petitionDocumentId ?? null, decisionDocumentId: parsed.decisionDocumentId ?? null, annexDocumentIds, packetStorageKey: null, builtAt: null, builtById: null };
    const before = await currentFiling(tx, actor.firmId, kase.id);
    const filing = before
      ? await tx.appealFiling.update({ where: { id: before.id, firmId: actor.firmId }, data: { ...data, manifest: Prisma.DbNull } })
      : await tx.appealFiling.create({ data: { ...data, firmId: actor.firmId, caseId: kase.id, createdById: actor.userId } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.filing_saved', entity: 'appeal', entityId: filing.id, context,
      before: before ? { language: before.language, petitionDocumentId: before.petitionDocumentId, decisionDocumentId: before.decisionDocumentId, annexDocumentIds: before.annexDocumentIds } : null,
      after: { caseId: kase.id, language: filing.language, petitionDocumentId: filing.petitionDocumentId, decisionDocumentId: filing.decisionDocumentId, annexDocumentIds: filing.annexDocumentIds },
    });
    return { filingId: filing.id, droppedPacket: before?.packetStorageKey ?? null };
  });
  // After the commit: a failed save keeps the old packet, which still matches the old choice.
  if (saved.droppedPacket) await storage.delete(saved.droppedPacket).catch(() => {});
  return { filingId: saved.filingId };
}
