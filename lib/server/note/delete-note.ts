import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZDeleteNote = z.object({ noteId: z.string().min(1).max(64) });

/**
 * Takes a note (or a client's message) off the case and the portal. The row stays with deletedAt set, as
 * documents do: a firm may have to show later what was on file, and the audit row records who removed it.
 */
export async function deleteNote({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'note.delete');
  const { noteId } = parseInput(ZDeleteNote, input);
  return getDb().$transaction(async (tx) => {
    const note = await tx.note.findFirst({
      where: { id: noteId, firmId: actor.firmId, deletedAt: null },
      select: { id: true, caseId: true, clientId: true, visibility: true, fromClient: true, body: true },
    });
    if (!note) throw new AppError('NOT_FOUND', { message: `no note ${noteId} in firm` });
    await tx.note.update({ where: { id: note.id, firmId: actor.firmId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'note.deleted', entity: 'note', entityId: note.id, context,
      // The length, not the text: a note can hold anything about the client, and the log keeps no personal data.
      before: { caseId: note.caseId, clientId: note.clientId, visibility: note.visibility, fromClient: note.fromClient, length: note.body.length },
    });
    return { noteId: note.id, caseId: note.caseId, clientId: note.clientId };
  });
}
