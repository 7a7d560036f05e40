import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { applyCaseTransition } from '@/lib/server/case/apply-case-transition';
import { insertCase } from '@/lib/server/case/insert-case';
import { ZClientInput } from '@/lib/server/client/client-schemas';
import { insertClient } from '@/lib/server/client/create-client';
import { openNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { copyInquiryLetter, type CopiedLetter } from './copy-inquiry-letter';
import { conflictSignature, findConflicts } from './find-conflicts';
import { procedureForTopic, ZConflictMatches, ZConvertInquiry } from './inquiry-schemas';

const refuse = (userMessage: string, message: string) => new AppError('CONFLICT', { message, userMessage });

type Locked = { id: string; status: string; conflictCheckedAt: Date | null; conflictOutcome: string | null };

/**
 * The checks before anything is written, repeated under the row lock: converted once only; a conflict check on
 * record that still describes the inquiry and the firm (the search is run again, and a different result, because
 * the inquiry or the firm's clients and other parties changed since, needs a new check first); past a possible
 * conflict, an admin (inquiry.convert_past_conflict) with a reason.
 */
async function assertConvertible(tx: Tx, actor: StaffActor, inquiryId: string, reason: string | undefined) {
  const [locked] = await tx.$queryRaw<Locked[]>`
    SELECT "id", "status"::text AS "status", "conflictCheckedAt", "conflictOutcome"::text AS "conflictOutcome"
    FROM "Inquiry" WHERE "id" = ${inquiryId} AND "firmId" = ${actor.firmId} FOR UPDATE`;
  if (!locked) throw new AppError('NOT_FOUND');
  if (locked.status === 'CONVERTED') throw refuse('inquiries.convert.already', 'inquiry already converted');
  if (!locked.conflictCheckedAt || !locked.conflictOutcome) throw refuse('inquiries.convert.notChecked', 'no conflict check on record');
  const inquiry = await tx.inquiry.findFirstOrThrow({ where: { id: inquiryId, firmId: actor.firmId } });
  const recorded = ZConflictMatches.safeParse(inquiry.conflictMatches ?? []);
  const now = await findConflicts(tx, actor.firmId, inquiry);
  if (!recorded.success || conflictSignature(recorded.data) !== conflictSignature(now)) throw refuse('inquiries.convert.recheck', 'conflict check out of date');
  if (locked.conflictOutcome === 'POSSIBLE') {
    // Not assertCan: this file's permission is inquiry.convert; going past a conflict is the admin's extra say.
    if (!can(actor.role, 'inquiry.convert_past_conflict')) {
      throw new AppError('FORBIDDEN', { message: `${actor.role} may not convert past a possible conflict`, userMessage: 'inquiries.convert.adminNeeded' });
    }
    if (!reason) throw new AppError('VALIDATION', { message: 'reason required past a possible conflict', details: { fieldErrors: { reason: ['reasonRequired'] } } });
  }
  return inquiry;
}

/**
 * Turns an inquiry into a client of the firm (through the client form's own path, duplicate detection included)
 * and, when asked, a case with the facts the person gave: the procedure their topic clearly is (or the advisor's
 * pick), and a refusal with its notification date, so the rules engine computes the appeal deadline. The letter
 * they sent becomes the client's document (and the case's). One transaction; the letter's copy is removed again
 * if it fails.
 */
export async function convertInquiry({ actor, input, context, storage = getStorage(), today = brusselsDate() }: {
  actor: StaffActor;
  input: unknown;
  context: RequestContext;
  storage?: Storage;
  today?: string;
}) {
  assertCan(actor, 'inquiry.convert');
  const data = parseInput(ZConvertInquiry, input);
  const db = getDb();
  // Checked once before copying the letter, so a refused conversion stores nothing; again under the lock below.
  const first = await db.$transaction((tx) => assertConvertible(tx, actor, data.inquiryId, data.reason));
  const procedure = data.createCase ? (data.procedure ?? procedureForTopic(first.topic, data.nationality)) : null;
  if (data.createCase && !procedure) throw new AppError('VALIDATION', { message: 'procedure required', details: { fieldErrors: { procedure: ['required'] } } });

  let letter: CopiedLetter | null = null;
  if (first.letterStorageKey) letter = await copyInquiryLetter(storage, actor.firmId, { storageKey: first.letterStorageKey, mimeType: first.letterMimeType ?? 'application/octet-stream' });
  try {
    return await db.$transaction(
      async (tx) => {
        const inquiry = await assertConvertible(tx, actor, data.inquiryId, data.reason);
        const number = openNationalRegisterNumber({ table: 'Inquiry', id: inquiry.id, sealed: inquiry.nationalRegisterNumberEnc });
        if (number.unreadable) throw new AppError('INTERNAL', { message: 'inquiry national register number could not be decrypted (check DATA_ENCRYPTION_KEYS)' });
        const clientData = parseInput(ZClientInput, {
          firstName: inquiry.firstName, lastName: inquiry.lastName, birthDate: inquiry.birthDate ? fromDbDate(inquiry.birthDate) : undefined,
          nationality: data.nationality, language: data.language, email: inquiry.email, phone: inquiry.phone ?? undefined,
          commune: inquiry.residenceCommune ?? undefined, nationalRegisterNumber: number.value ?? undefined, confirmDuplicate: data.confirmDuplicate,
        });
        const client = await insertClient(tx, { actor, data: clientData, context });

        let kase: { id: string; reference: string } | null = null;
        if (procedure) {
          kase = await insertCase(tx, { firmId: actor.firmId, actorUserId: actor.userId, client, procedure, assignedToId: actor.userId, facts: {}, context, firstCase: true });
          if (inquiry.refusalNotifiedOn) {
            // Through the stage machine, as the advisor's "refusal notified" form would: REFUSED, with its appeal deadline.
            await applyCaseTransition(tx, {
              actor, context, asOf: today,
              input: { caseId: kase.id, version: 1, transition: 'REFUSAL_NOTIFIED', facts: { outcome: 'REFUSED', notifiedOn: fromDbDate(inquiry.refusalNotifiedOn), regime: 'ORDINARY' }, origin: { inquiryId: inquiry.id } },
            });
          }
        }

        if (letter) {
          const fileName = inquiry.letterFileName ?? 'decision-letter';
          await tx.document.create({ data: { id: letter.documentId, firmId: actor.firmId, clientId: client.id, kind: 'DECISION_LETTER', title: fileName.replace(/\.[^.]+$/, '') || fileName } });
          await tx.documentVersion.create({
            data: {
              id: letter.versionId, firmId: actor.firmId, documentId: letter.documentId, version: 1, storageKey: letter.storageKey, fileName,
              mimeType: inquiry.letterMimeType ?? 'application/octet-stream', sizeBytes: letter.sizeBytes, sha256: letter.sha256, uploadedById: actor.userId,
            },
          });
          if (kase) {
            await tx.caseDocument.create({ data: { firmId: actor.firmId, caseId: kase.id, documentId: letter.documentId } });
            await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId: kase.id, type: 'DOCUMENT', actorId: actor.userId, visibility: 'INTERNAL', payload: { action: 'uploaded', documentId: letter.documentId, versionId: letter.versionId, fileName, inquiryId: inquiry.id } } });
          }
          await recordAudit(tx, {
            firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'document.uploaded', entity: 'document', entityId: letter.documentId, context,
            after: { caseId: kase?.id ?? null, versionId: letter.versionId, version: 1, fileName, sizeBytes: letter.sizeBytes, sha256: letter.sha256, inquiryId: inquiry.id },
          });
        }

        const convertedAt = new Date();
        await tx.inquiry.update({
          where: { id: inquiry.id, firmId: actor.firmId },
          data: { status: 'CONVERTED', convertedClientId: client.id, convertedCaseId: kase?.id ?? null, convertedAt, convertedById: actor.userId },
        });
        const pastConflict = inquiry.conflictOutcome === 'POSSIBLE';
        await recordAudit(tx, {
          firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'inquiry.converted', entity: 'inquiry', entityId: inquiry.id, context,
          before: { status: inquiry.status },
          after: { status: 'CONVERTED', clientId: client.id, caseId: kase?.id ?? null, conflictOutcome: inquiry.conflictOutcome, pastConflict, ...(pastConflict ? { reason: data.reason } : {}) },
        });
        return { clientId: client.id, fileNumber: client.fileNumber, caseId: kase?.id ?? null, documentId: letter?.documentId ?? null };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (letter) await storage.delete(letter.storageKey).catch(() => {});
    throw error;
  }
}
