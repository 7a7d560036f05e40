import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { fromDbDate, isPlainDateString, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { DOCUMENT_KINDS } from '@/lib/rules/vocabulary';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { syncDocumentDeadlines } from '@/lib/server/deadline/sync-document-deadlines';
import { parseInput } from '@/lib/server/validate';
import { typedDateToPlain } from '@/lib/rules/typed-date';

const plainDate = z.preprocess((v) => (v === '' || v === undefined ? null : typedDateToPlain(v)), z.string().refine(isPlainDateString, 'invalidDate').nullable());

export const ZUpdateDocumentDetails = z
  .object({
    documentId: z.string().min(1).max(64),
    title: z.string().trim().min(1, 'titleRequired').max(200, 'titleTooLong'),
    kind: z.enum(DOCUMENT_KINDS),
    issuedOn: plainDate,
    expiresOn: plainDate,
  })
  .refine((v) => !v.issuedOn || !v.expiresOn || v.issuedOn <= v.expiresOn, { path: ['expiresOn'], message: 'expiresBeforeIssued' });

/** Title, kind and the issue and expiry dates read off the paper; the expiry date becomes a deadline on the client's open cases. */
export async function updateDocumentDetails({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'document.review');
  const { documentId, title, kind, issuedOn, expiresOn } = parseInput(ZUpdateDocumentDetails, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.document.findFirst({ where: { id: documentId, firmId: actor.firmId, deletedAt: null }, select: { title: true, kind: true, issuedOn: true, expiresOn: true } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.document.update({
      where: { id: documentId, firmId: actor.firmId },
      data: { title, kind, issuedOn: issuedOn ? toDbDate(issuedOn) : null, expiresOn: expiresOn ? toDbDate(expiresOn) : null },
    });
    await syncDocumentDeadlines(tx, actor.firmId, documentId);
    const day = (date: Date | null) => (date ? fromDbDate(date) : null);
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'document.updated', entity: 'document', entityId: documentId, context,
      before: { title: before.title, kind: before.kind, issuedOn: day(before.issuedOn), expiresOn: day(before.expiresOn) }, after: { title, kind, issuedOn, expiresOn },
    });
    return { id: documentId };
  });
}
