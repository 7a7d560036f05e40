import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';

/**
 * The decision letter a person sent with their inquiry, for download by a member of the same firm, recorded in
 * the audit log. Always as an attachment: the file came from the public form and is never shown in the app.
 */
export async function openInquiryLetter({ actor, inquiryId, context, storage = getStorage() }: { actor: StaffActor; inquiryId: string; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'inquiry.read');
  const db = getDb();
  const inquiry = await db.inquiry.findFirst({
    where: { id: inquiryId, firmId: actor.firmId, letterStorageKey: { not: null } },
    select: { id: true, letterStorageKey: true, letterFileName: true, letterMimeType: true },
  });
  if (!inquiry?.letterStorageKey) throw new AppError('NOT_FOUND');
  const object = await storage.get(inquiry.letterStorageKey);
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'inquiry.letter_downloaded', entity: 'inquiry', entityId: inquiry.id, context, after: { fileName: inquiry.letterFileName } }),
    );
  } catch (error) {
    object.body.destroy();
    throw error;
  }
  return { body: object.body, size: object.size, fileName: inquiry.letterFileName ?? 'letter', mimeType: inquiry.letterMimeType ?? 'application/octet-stream' };
}
