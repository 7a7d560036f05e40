import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { feeNoteFileBase } from './fee-note-file-name';

/**
 * A fee note's PDF or UBL file, for staff of its firm (fee_note.read), or its PDF for the client it was issued to
 * (the signed-in portal client, their own notes only; the UBL file is for the business buyer's software, not the
 * portal). Anything else is NOT_FOUND. Each download is in the audit log.
 */
export async function openFeeNoteFile({ actor, feeNoteId, kind, context, storage = getStorage() }: { actor: Actor; feeNoteId: string; kind: 'pdf' | 'ubl'; context: RequestContext; storage?: Storage }) {
  if (actor.kind === 'staff') assertCan(actor, 'fee_note.read');
  else if (kind !== 'pdf') throw new AppError('NOT_FOUND');
  const db = getDb();
  const note = await db.feeNote.findFirst({
    where: { id: feeNoteId, firmId: actor.firmId, ...(actor.kind === 'client' ? { clientId: actor.clientId, case: { deletedAt: null } } : {}) },
    select: { id: true, kind: true, number: true, pdfStorageKey: true, ublStorageKey: true },
  });
  const key = kind === 'pdf' ? note?.pdfStorageKey : note?.ublStorageKey;
  if (!note || !key) throw new AppError('NOT_FOUND');
  const object = await storage.get(key);
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, { firmId: actor.firmId, actor: { kind: actor.kind, userId: actor.userId }, action: 'fee_note.downloaded', entity: 'fee_note', entityId: note.id, context, after: { kind } }),
    );
  } catch (error) {
    object.body.destroy();
    throw error;
  }
  const base = feeNoteFileBase(note);
  return kind === 'pdf'
    ? { body: object.body, size: object.size, fileName: `${base}.pdf`, mimeType: 'application/pdf' }
    : { body: object.body, size: object.size, fileName: `${base}.xml`, mimeType: 'application/xml' };
}
