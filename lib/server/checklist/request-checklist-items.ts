import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { notifyDocumentsRequested } from '@/lib/server/notify/notify-client';
import { parseInput } from '@/lib/server/validate';
import { ZRequestChecklistItems } from './checklist-schemas';

/**
 * Asks the client for documents: the items show in the portal under "what I must provide". Items already
 * received or approved are left as they are (asking again for an approved passport would confuse the client).
 */
export async function requestChecklistItems({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'document.review');
  const { caseId, itemIds } = parseInput(ZRequestChecklistItems, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    const items = await tx.checklistItem.findMany({ where: { id: { in: itemIds }, caseId, firmId: actor.firmId }, select: { id: true, status: true, documentKind: true, ruleKey: true, label: true } });
    // Another case's or another firm's ids are not found, even mixed in with good ones.
    if (items.length !== new Set(itemIds).size) throw new AppError('NOT_FOUND');
    const open = items.filter((item) => item.status === 'NOT_REQUESTED');
    if (open.length === 0) return { requested: 0 };
    const now = new Date();
    await tx.checklistItem.updateMany({ where: { id: { in: open.map((item) => item.id) }, firmId: actor.firmId, status: 'NOT_REQUESTED' }, data: { status: 'REQUESTED', requestedAt: now } });
    const event = await tx.caseEvent.create({
      data: { firmId: actor.firmId, caseId, type: 'DOCUMENT', actorId: actor.userId, visibility: 'CLIENT', payload: { action: 'requested', items: open.map(({ id, documentKind, ruleKey, label }) => ({ id, documentKind, ruleKey, label })) } },
    });
    await notifyDocumentsRequested(tx, { firmId: actor.firmId, caseId, eventId: event.id, items: open });
    for (const item of open) {
      await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'checklist.item_requested', entity: 'checklist', entityId: item.id, before: { status: item.status }, after: { caseId, status: 'REQUESTED' }, context });
    }
    return { requested: open.length };
  });
}
