import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { notifyDocumentRejected } from '@/lib/server/notify/notify-client';
import { parseInput } from '@/lib/server/validate';
import { ZReviewChecklistItem } from './checklist-schemas';

/**
 * Approves or rejects the document received for a checklist item. A rejection carries the reason the client
 * reads in the portal and asks for the document again; a decision can be changed later (a second look).
 */
export async function reviewChecklistItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'document.review');
  const review = parseInput(ZReviewChecklistItem, input);
  const status = review.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
  const reason = review.decision === 'REJECT' ? review.reason : null;
  return getDb().$transaction(async (tx) => {
    const item = await tx.checklistItem.findFirst({ where: { id: review.itemId, firmId: actor.firmId, case: { deletedAt: null } } });
    if (!item) throw new AppError('NOT_FOUND');
    if (!item.documentId) throw new AppError('VALIDATION', { message: 'nothing to review', userMessage: 'documents.review.nothingReceived' });
    const latest = await tx.documentVersion.findFirst({ where: { documentId: item.documentId, firmId: actor.firmId }, orderBy: { version: 'desc' }, select: { id: true, version: true } });
    if (review.versionId && latest?.id !== review.versionId) throw new AppError('CONFLICT', { message: 'a newer version arrived', userMessage: 'documents.review.stale' });
    // A paper the advisor filed without asking the client (an extract from the authorities) is reviewed internally:
    // its reason may be for the file only, so neither the timeline nor an email tells the client.
    const clientAsked = item.requestedAt !== null;
    const now = new Date();
    // Guarded on the document reviewed: a new upload in between makes this review stale instead of applying it to unseen bytes.
    const updated = await tx.checklistItem.updateMany({
      where: { id: item.id, firmId: actor.firmId, documentId: item.documentId, updatedAt: item.updatedAt },
      data: { status, rejectionReason: reason, reviewedAt: now, reviewedById: actor.userId },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT');
    const event = await tx.caseEvent.create({
      data: {
        firmId: actor.firmId, caseId: item.caseId, type: 'DOCUMENT', actorId: actor.userId, visibility: clientAsked ? 'CLIENT' : 'INTERNAL', note: reason,
        payload: { action: status === 'APPROVED' ? 'approved' : 'rejected', checklistItemId: item.id, documentId: item.documentId, versionId: latest?.id ?? null, documentKind: item.documentKind, ruleKey: item.ruleKey, label: item.label },
      },
    });
    if (reason && clientAsked) await notifyDocumentRejected(tx, { firmId: actor.firmId, caseId: item.caseId, eventId: event.id, item, reason });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'document.reviewed', entity: 'document', entityId: item.documentId, context,
      before: { status: item.status, rejectionReason: item.rejectionReason }, after: { checklistItemId: item.id, version: latest?.version ?? null, status, rejectionReason: reason },
    });
    return { status };
  });
}
