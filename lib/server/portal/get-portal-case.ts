import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Timeline payloads hold internal facts (deadline recomputations, file numbers): a client gets only the kind of
// event, the stage it reached and, for a document sent back, the reason written for them.
const CLIENT_NOTE_ACTIONS = new Set(['rejected']);

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
  const events = kase.events.map(({ payload, note, ...event }) => {
    const action = event.type === 'DOCUMENT' ? ((payload as { action?: unknown } | null)?.action as string | undefined) ?? null : null;
    return { ...event, action, note: action && CLIENT_NOTE_ACTIONS.has(action) ? note : null };
  });
  return { ...kase, events };
}

export type PortalCase = Awaited<ReturnType<typeof getPortalCase>>;
