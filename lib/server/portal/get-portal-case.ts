import { eventOccurredOn } from '@/lib/case-event-date';
import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Timeline payloads hold internal facts (deadline recomputations, file numbers): a client gets only the kind of
// event, the stage it reached and, for a document sent back, the reason written for them.
const CLIENT_NOTE_ACTIONS = new Set(['rejected']);
// A review is the client's news only about something asked of them: the advisor may review a paper they filed
// against an item never requested, and that review (its reason included) is internal work, whatever it was stored as.
const REVIEW_ACTIONS = new Set(['approved', 'rejected']);

const documentPayload = (payload: unknown) => (payload ?? {}) as { action?: unknown; checklistItemId?: unknown };

/**
 * One of the client's own cases: its client-visible timeline and the messages between client and advisor
 * (notes marked visible, and the client's own). Another client's case, or another firm's, is not found.
 */
export async function getPortalCase({ actor, caseId }: { actor: ClientActor; caseId: string }) {
  const db = getDb();
  const kase = await db.case.findFirst({
    where: { id: caseId, firmId: actor.firmId, clientId: actor.clientId, deletedAt: null },
    select: {
      id: true, reference: true, procedure: true, stage: true, closedAt: true,
      assignedTo: { select: { name: true } },
      events: {
        where: { visibility: 'CLIENT' },
        orderBy: { occurredAt: 'desc' },
        take: 100,
        select: { id: true, type: true, transition: true, toStage: true, occurredAt: true, note: true, payload: true },
      },
      notes: {
        where: { visibility: 'CLIENT', deletedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true, body: true, fromClient: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!kase) throw new AppError('NOT_FOUND');
  const reviewedItemIds = kase.events.flatMap(({ type, payload }) => {
    const { action, checklistItemId } = documentPayload(payload);
    return type === 'DOCUMENT' && typeof action === 'string' && REVIEW_ACTIONS.has(action) && typeof checklistItemId === 'string' ? [checklistItemId] : [];
  });
  const asked = new Set(
    reviewedItemIds.length === 0
      ? []
      : (await db.checklistItem.findMany({ where: { id: { in: reviewedItemIds }, caseId: kase.id, firmId: actor.firmId, requestedAt: { not: null } }, select: { id: true } })).map((item) => item.id),
  );
  const events = kase.events.flatMap(({ payload, note, ...event }) => {
    const { action: rawAction, checklistItemId } = documentPayload(payload);
    const action = event.type === 'DOCUMENT' && typeof rawAction === 'string' ? rawAction : null;
    if (action && REVIEW_ACTIONS.has(action) && !(typeof checklistItemId === 'string' && asked.has(checklistItemId))) return [];
    return [{ ...event, action, note: action && CLIENT_NOTE_ACTIONS.has(action) ? note : null, occurredOn: eventOccurredOn(payload, event.occurredAt) }];
  });
  return { ...kase, events };
}

export type PortalCase = Awaited<ReturnType<typeof getPortalCase>>;
