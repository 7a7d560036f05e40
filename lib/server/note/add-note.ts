import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZAddNote = z.object({
  caseId: z.string().min(1),
  body: z.string().trim().min(1, 'required').max(10_000),
  // Internal unless the advisor ticks "visible to the client".
  visibility: z.preprocess((v) => (v === 'CLIENT' || v === 'on' || v === true ? 'CLIENT' : 'INTERNAL'), z.enum(['INTERNAL', 'CLIENT'])),
});

export async function addNote({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'note.manage');
  const { caseId, body, visibility } = parseInput(ZAddNote, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true, clientId: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    const note = await tx.note.create({ data: { firmId: actor.firmId, clientId: kase.clientId, caseId, authorId: actor.userId, body, visibility } });
    await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId, type: 'NOTE', actorId: actor.userId, visibility, payload: { noteId: note.id } } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'note.created', entity: 'note', entityId: note.id, after: { caseId, visibility, length: body.length }, context });
    return { id: note.id };
  });
}
