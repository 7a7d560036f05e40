import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { syncDocumentDeadlines } from '@/lib/server/deadline/sync-document-deadlines';
import { parseInput } from '@/lib/server/validate';

export const ZAttachClientDocument = z.object({ itemId: z.string().min(1).max(64), documentId: z.string().min(1, 'pickDocument').max(64) });

/**
 * Answers a checklist item with a document the client already gave for another case (the birth certificate
 * of the first application serves the renewal and the appeal): linked, not copied, and to be reviewed again.
 */
export async function attachClientDocument({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'document.upload');
  const { itemId, documentId } = parseInput(ZAttachClientDocument, input);
  return getDb().$transaction(async (tx) => {
    const item = await tx.checklistItem.findFirst({ where: { id: itemId, firmId: actor.firmId, case: { deletedAt: null } }, select: { id: true, caseId: true, status: true, documentId: true, case: { select: { clientId: true } } } });
    if (!item) throw new AppError('NOT_FOUND');
    // Only the same client's papers: another client's passport must never answer this case.
    const document = await tx.document.findFirst({ where: { id: documentId, firmId: actor.firmId, clientId: item.case.clientId, deletedAt: null, versions: { some: {} } }, select: { id: true } });
    if (!document) throw new AppError('NOT_FOUND');
    await tx.caseDocument.createMany({ data: [{ firmId: actor.firmId, caseId: item.caseId, documentId }], skipDuplicates: true });
    await tx.checklistItem.update({ where: { id: item.id, firmId: actor.firmId }, data: { documentId, status: 'RECEIVED', rejectionReason: null, reviewedAt: null, reviewedById: null } });
    await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId: item.caseId, type: 'DOCUMENT', actorId: actor.userId, visibility: 'INTERNAL', payload: { action: 'attached', checklistItemId: item.id, documentId } } });
    await syncDocumentDeadlines(tx, actor.firmId, documentId);
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'document.uploaded', entity: 'document', entityId: documentId, context,
      before: { checklistItemId: item.id, documentId: item.documentId, status: item.status }, after: { caseId: item.caseId, checklistItemId: item.id, attached: true, status: 'RECEIVED' },
    });
    return { caseId: item.caseId };
  });
}
