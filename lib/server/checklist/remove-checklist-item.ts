import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZRemoveChecklistItem } from './checklist-schemas';

/**
 * Takes a document off a case's list. The document itself, if one was received, stays with the client and
 * the case: only the request goes.
 */
export async function removeChecklistItem({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'checklist.delete');
  const { itemId } = parseInput(ZRemoveChecklistItem, input);
  return getDb().$transaction(async (tx) => {
    const item = await tx.checklistItem.findFirst({ where: { id: itemId, firmId: actor.firmId, case: { deletedAt: null } } });
    if (!item) throw new AppError('NOT_FOUND');
    await tx.checklistItem.delete({ where: { id: item.id, firmId: actor.firmId } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'checklist.item_removed', entity: 'checklist', entityId: item.id, context,
      before: { caseId: item.caseId, documentKind: item.documentKind, ruleKey: item.ruleKey, label: item.label, status: item.status, documentId: item.documentId },
    });
    return { caseId: item.caseId };
  });
}
