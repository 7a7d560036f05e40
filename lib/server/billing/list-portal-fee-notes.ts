import type { ClientActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { fromDbDate } from '@/lib/dates';

/** The signed-in client's own fee notes and credit notes on one of their cases (none for another client's or firm's case). */
export async function listPortalFeeNotes({ actor, caseId }: { actor: ClientActor; caseId: string }) {
  const notes = await getDb().feeNote.findMany({
    where: { firmId: actor.firmId, clientId: actor.clientId, caseId, case: { deletedAt: null, clientId: actor.clientId } },
    orderBy: [{ year: 'desc' }, { sequence: 'desc' }],
    select: { id: true, kind: true, number: true, issuedOn: true, dueOn: true, status: true, totalInclCents: true, credits: { select: { number: true } } },
  });
  return notes.map(({ credits, ...note }) => ({ ...note, credits: credits?.number ?? null, issuedOn: fromDbDate(note.issuedOn), dueOn: fromDbDate(note.dueOn) }));
}
