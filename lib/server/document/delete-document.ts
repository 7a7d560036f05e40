import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { syncDocumentDeadlines } from '@/lib/server/deadline/sync-document-deadlines';
import { parseInput } from '@/lib/server/validate';

export const ZDeleteDocument = z.object({ documentId: z.string().min(1).max(64) });

/**
 * Takes a client's document out of every case, checklist and the portal: a wrong upload, a document of
 * someone else. The row and its files stay (deletedAt), because a firm may have to show what it held and when;
 * erasing a client (lib/server/client/erase-client.ts) is what removes them for good. Checklist items it
 * answered go back to waiting, and its expiry date stops being a deadline.
 */
export async function deleteDocument({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'document.delete');
  const { documentId } = parseInput(ZDeleteDocument, input);
  return getDb().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: documentId, firmId: actor.firmId, deletedAt: null },
      select: { id: true, clientId: true, kind: true, title: true, cases: { select: { caseId: true } }, _count: { select: { versions: true } } },
    });
    if (!document) throw new AppError('NOT_FOUND', { message: `no document ${documentId} in firm` });
    await tx.document.update({ where: { id: document.id, firmId: actor.firmId }, data: { deletedAt: new Date() } });
    const items = await tx.checklistItem.findMany({ where: { firmId: actor.firmId, documentId: document.id }, select: { id: true, requestedAt: true } });
    for (const item of items) {
      await tx.checklistItem.update({
        where: { id: item.id, firmId: actor.firmId },
        data: { documentId: null, status: item.requestedAt ? 'REQUESTED' : 'NOT_REQUESTED', reviewedAt: null, reviewedById: null, rejectionReason: null },
      });
    }
    const caseIds = document.cases.map((link) => link.caseId);
    await tx.caseEvent.createMany({
      data: caseIds.map((caseId) => ({ firmId: actor.firmId, caseId, type: 'DOCUMENT' as const, visibility: 'INTERNAL' as const, actorId: actor.userId, note: document.title, payload: { documentId: document.id, action: 'deleted' } })),
    });
    await syncDocumentDeadlines(tx, actor.firmId, document.id);
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'document.deleted', entity: 'document', entityId: document.id, context,
      before: { clientId: document.clientId, kind: document.kind, title: document.title, versions: document._count.versions, caseIds, checklistItemIds: items.map((item) => item.id) },
    });
    return { documentId: document.id, caseIds };
  });
}
