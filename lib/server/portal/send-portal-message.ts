import { z } from 'zod';
import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZPortalMessage = z.object({
  caseId: z.string().min(1).max(64),
  body: z.string().trim().min(1, 'messageRequired').max(5000, 'messageTooLong'),
});

const EXCERPT = 400;

/**
 * A message from the client about one of their own cases: it lands on the case as a client-visible note and
 * in the timeline, and the case's advisor is emailed (in their language) in the same transaction.
 */
export async function sendPortalMessage({ actor, input, context }: { actor: ClientActor; input: unknown; context: RequestContext }) {
  const { caseId, body } = parseInput(ZPortalMessage, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({
      where: { id: caseId, firmId: actor.firmId, clientId: actor.clientId, deletedAt: null, closedAt: null },
      select: { id: true, reference: true, firm: { select: { name: true } }, client: { select: { firstName: true, lastName: true } }, assignedTo: { select: { id: true, name: true, email: true, locale: true } } },
    });
    if (!kase) throw new AppError('NOT_FOUND');
    const note = await tx.note.create({ data: { firmId: actor.firmId, clientId: actor.clientId, caseId, authorId: actor.userId, body, visibility: 'CLIENT', fromClient: true } });
    await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId, type: 'MESSAGE', actorId: actor.userId, visibility: 'CLIENT', payload: { noteId: note.id } } });
    if (kase.assignedTo) {
      await enqueueEmail(tx, {
        key: `client-message:${note.id}`, firmId: actor.firmId, template: 'client-message', locale: kase.assignedTo.locale, to: kase.assignedTo.email, responsibleUserId: kase.assignedTo.id,
        props: {
          firmName: kase.firm.name, advisorName: kase.assignedTo.name ?? kase.assignedTo.email, clientName: `${kase.client.firstName} ${kase.client.lastName}`, caseReference: kase.reference,
          excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body, caseUrl: new URL(`/cases/${caseId}`, env().APP_URL).toString(),
        },
      });
    }
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'client', userId: actor.userId }, action: 'note.created', entity: 'note', entityId: note.id, after: { caseId, visibility: 'CLIENT', fromClient: true, length: body.length }, context });
    return { id: note.id };
  });
}
