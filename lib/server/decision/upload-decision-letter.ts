import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { readDocumentText } from '@/lib/documents/read-document-text';
import { AppError } from '@/lib/errors';
import { readDecisionLetter } from '@/lib/rules/decision-letter/read-decision-letter';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { uploadDocument } from '@/lib/server/document/upload-document';
import type { UploadBody } from '@/lib/server/document/receive-upload';
import { parseInput } from '@/lib/server/validate';
import type { Storage } from '@/lib/storage/storage';

const ZInput = z.object({ caseId: z.string().min(1).max(64) });

// The text is kept with the intake so the review screen can highlight what each field was read from;
// a decision is a few pages, the cap only stops a 300-page annex from bloating the row.
const MAX_TEXT = 100_000;

/**
 * A decision letter (PDF, photo or scan) arrives on a case: it is read (text layer, or OCR for scans) before
 * anything is stored, so an unreadable, corrupt or password-protected file is refused with nothing kept. Then
 * the file is stored as the client's DECISION_LETTER document, linked to the case, and the reader's proposal
 * is kept as a PROPOSED intake for the advisor to confirm or correct; nothing about the case changes yet.
 */
export async function uploadDecisionLetter({ actor, input, file, context, storage, asOf = brusselsDate() }: {
  actor: StaffActor;
  input: unknown;
  file: { name: string; body: UploadBody; declaredSize?: number };
  context: RequestContext;
  storage?: Storage;
  asOf?: string;
}) {
  assertCan(actor, 'decision.intake');
  const { caseId } = parseInput(ZInput, input);
  const kase = await getDb().case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true, applicationFiledOn: true } });
  if (!kase) throw new AppError('NOT_FOUND');

  const uploaded = await uploadDocument({
    actor,
    input: { caseId, kind: 'DECISION_LETTER' },
    file,
    context,
    storage,
    hooks: {
      inspect: async ({ path, mimeType }) => {
        const read = await readDocumentText(path, mimeType);
        const proposal = readDecisionLetter(read.text, { asOf, applicationFiledOn: kase.applicationFiledOn ? fromDbDate(kase.applicationFiledOn) : null });
        return { ...read, proposal };
      },
      within: async (tx, stored) => {
        const { text, method, pages, proposal } = stored.inspected;
        const intake = await tx.decisionIntake.create({
          data: { firmId: actor.firmId, caseId, documentId: stored.documentId, versionId: stored.versionId, readMethod: method, text: text.slice(0, MAX_TEXT), proposal: proposal as object, createdById: actor.userId },
        });
        await recordAudit(tx, {
          firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'decision.read', entity: 'decision', entityId: intake.id, context,
          after: { caseId, documentId: stored.documentId, versionId: stored.versionId, method, pages, found: Object.entries(proposal).filter(([key, value]) => key !== 'flags' && key !== 'language' && value).map(([key]) => key) },
        });
        return { intakeId: intake.id, method, pages };
      },
    },
  });
  return { intakeId: uploaded.extra.intakeId, method: uploaded.extra.method, documentId: uploaded.documentId, versionId: uploaded.versionId, fileName: uploaded.fileName };
}
