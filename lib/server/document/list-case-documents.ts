import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { CHECKLISTS, type Requirement } from '@/lib/rules/checklists';
import { documentFindings, type Finding } from '@/lib/rules/document-checks';
import type { DocumentKind } from '@/lib/rules/vocabulary';

const versionSelect = {
  id: true, version: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true, uploadedAt: true, fromClient: true,
  uploadedBy: { select: { name: true, email: true } },
  duplicateOf: { select: { id: true, version: true, fileName: true, document: { select: { id: true, title: true } } } },
} as const;

const documentSelect = {
  id: true, title: true, kind: true, issuedOn: true, expiresOn: true,
  versions: { orderBy: { version: 'desc' }, select: versionSelect },
} as const;

// Certificates the rules age-limit, also when the advisor added them by hand rather than from the defaults.
const AGE_LIMITED: ReadonlySet<DocumentKind> = new Set(['MEDICAL_CERTIFICATE', 'CRIMINAL_RECORD']);

function requirementOf(item: { ruleKey: string | null; documentKind: DocumentKind }): Requirement {
  const known = Object.values(CHECKLISTS).flat().find((requirement) => requirement.key === item.ruleKey);
  return known ?? ({ key: 'passport', documentKind: item.documentKind, ...(AGE_LIMITED.has(item.documentKind) ? { maxAgeMonths: 6 } : {}) } as Requirement);
}

/**
 * The documents panel of a case: its checklist in order, each item with the document that answers it, every
 * version, and the warnings of the rules on the planned submission date (today when none is planned); the
 * other documents linked to the case; and the client's documents from other cases that could be reused.
 */
export async function listCaseDocuments({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  assertCan(actor, 'document.read');
  const db = getDb();
  const kase = await db.case.findFirst({
    where: { id: caseId, firmId: actor.firmId, deletedAt: null },
    select: {
      id: true, clientId: true, plannedSubmissionOn: true,
      checklist: {
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, documentKind: true, ruleKey: true, label: true, status: true, rejectionReason: true, requestedAt: true, reviewedAt: true, reviewedBy: { select: { name: true, email: true } }, document: { select: documentSelect } },
      },
      documents: { where: { document: { deletedAt: null } }, select: { document: { select: documentSelect } } },
    },
  });
  if (!kase) throw new AppError('NOT_FOUND');
  const submissionOn = kase.plannedSubmissionOn ? fromDbDate(kase.plannedSubmissionOn) : brusselsDate();
  const onChecklist = new Set(kase.checklist.map((item) => item.document?.id).filter(Boolean));
  const linked = new Set(kase.documents.map((link) => link.document.id));
  const items = kase.checklist.map((item) => {
    const findings: Finding[] = item.document
      ? documentFindings(requirementOf(item), {
          kind: item.document.kind,
          issuedOn: item.document.issuedOn ? fromDbDate(item.document.issuedOn) : undefined,
          expiresOn: item.document.expiresOn ? fromDbDate(item.document.expiresOn) : undefined,
        }, { submissionOn })
      : [];
    return { ...item, findings };
  });
  const reusable = await db.document.findMany({
    where: { firmId: actor.firmId, clientId: kase.clientId, deletedAt: null, id: { notIn: [...linked] }, versions: { some: {} } },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: { id: true, title: true, kind: true },
  });
  return {
    caseId: kase.id,
    plannedSubmissionOn: kase.plannedSubmissionOn ? fromDbDate(kase.plannedSubmissionOn) : null,
    submissionOn,
    items,
    otherDocuments: kase.documents.map((link) => link.document).filter((document) => !onChecklist.has(document.id)),
    reusable: [...reusable, ...kase.documents.map((link) => link.document).map(({ id, title, kind }) => ({ id, title, kind }))],
  };
}

export type CaseDocuments = Awaited<ReturnType<typeof listCaseDocuments>>;
