import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect } from 'vitest';
import type { Action } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Case, Client } from '@/lib/generated/prisma/client';
import type { ChecklistStatus, Role } from '@/lib/generated/prisma/enums';
import { checklistFor } from '@/lib/rules/checklists';
import { addChecklistItem } from '@/lib/server/checklist/add-checklist-item';
import { applyDefaultChecklist } from '@/lib/server/checklist/apply-default-checklist';
import { removeChecklistItem } from '@/lib/server/checklist/remove-checklist-item';
import { requestChecklistItems } from '@/lib/server/checklist/request-checklist-items';
import { reviewChecklistItem } from '@/lib/server/checklist/review-checklist-item';
import { attachClientDocument } from '@/lib/server/document/attach-client-document';
import { deleteDocument } from '@/lib/server/document/delete-document';
import { listCaseDocuments } from '@/lib/server/document/list-case-documents';
import { openDocumentVersion } from '@/lib/server/document/open-document-version';
import { setPlannedSubmission } from '@/lib/server/document/set-planned-submission';
import { updateDocumentDetails } from '@/lib/server/document/update-document-details';
import { uploadDocument } from '@/lib/server/document/upload-document';
import { zipCaseDocuments } from '@/lib/server/document/zip-case-documents';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf, sha256 } from './document-files';
import { newContext, unique, type FirmWithStaff } from './fixtures';

// The checklist and document rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// This module uses the database at load: import it after setupTestDatabase(), as the test does lib/server.

/** The world permissions.test.ts builds per operation and role (its World type). */
export type DocumentWorld = FirmWithStaff & { client: Client; kase: Case; refs: Record<string, string> };

/** One row of permissions.test.ts's OPERATIONS (its Operation type). */
export type DocumentOperation = {
  name: string;
  file: string;
  action: Action;
  setup?: (w: DocumentWorld, role: Role) => Promise<void>;
  run: (w: DocumentWorld, role: Role) => Promise<unknown>;
  allowed: (w: DocumentWorld, role: Role, result: unknown) => Promise<void>;
};

const db = getDb();
const unzip = promisify(execFile);
// Real bytes on a real disk, so downloads and the ZIP can be read back; the ZIPs are written next to objects/.
const root = await mkdtemp(path.join(tmpdir(), 'sejour-permissions-'));
const storage = createLocalStorage(path.join(root, 'objects'));
afterAll(() => rm(root, { recursive: true, force: true }));

const actorOf = (w: DocumentWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;

function ref(w: DocumentWorld, name: string): string {
  const id = w.refs[name];
  if (!id) throw new Error(`the setup made no ${name}`);
  return id;
}

const auditActions = async (w: DocumentWorld) => (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
const itemRow = (w: DocumentWorld) => db.checklistItem.findUniqueOrThrow({ where: { id: ref(w, 'item') } });
const storedBytes = async (key: string) => Buffer.concat(await (await storage.get(key)).body.toArray());
/** The PDF of this world: the same bytes in setup, run and allowed, and another firm's never match it. */
const fileOf = (w: DocumentWorld) => pdf(w.firm.slug);

/** An item on the world's case, as `refs.item`. */
async function checklistItem(w: DocumentWorld, status: ChecklistStatus, documentId: string | null = null) {
  const item = await db.checklistItem.create({
    data: { firmId: w.firm.id, caseId: w.kase.id, documentKind: 'PASSPORT', label: 'Passport', status, documentId, requestedAt: status === 'NOT_REQUESTED' ? null : new Date('2026-11-02T09:00:00Z') },
  });
  w.refs.item = item.id;
}

/**
 * The client's passport with one version stored for real, as `refs.document` and `refs.version`; `onCase` links
 * it to the world's case and answers a received item there with it (`refs.item`), as an upload would have.
 */
async function storedPassport(w: DocumentWorld, { onCase }: { onCase: boolean }) {
  const document = await db.document.create({ data: { firmId: w.firm.id, clientId: w.client.id, kind: 'PASSPORT', title: 'Passport' } });
  const bytes = fileOf(w);
  const versionId = `v${unique()}`;
  const storageKey = `${w.firm.id}/${document.id}/${versionId}`;
  await storage.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.byteLength });
  await db.documentVersion.create({
    data: { id: versionId, firmId: w.firm.id, documentId: document.id, version: 1, storageKey, fileName: 'passport.pdf', mimeType: 'application/pdf', sizeBytes: bytes.byteLength, sha256: sha256(bytes), uploadedById: w.advisor.user.id },
  });
  w.refs.document = document.id;
  w.refs.version = versionId;
  if (!onCase) return;
  await db.caseDocument.create({ data: { firmId: w.firm.id, caseId: w.kase.id, documentId: document.id } });
  await checklistItem(w, 'RECEIVED', document.id);
}

export const DOCUMENT_OPERATIONS: DocumentOperation[] = [
  // ---------- checklist ----------
  {
    name: 'addChecklistItem',
    file: 'lib/server/checklist/add-checklist-item.ts',
    action: 'case.update',
    run: (w, role) => addChecklistItem({ actor: actorOf(w, role), input: { caseId: w.kase.id, documentKind: 'OTHER', label: 'Sworn translation of the lease' }, context: newContext() }),
    allowed: async (w, _role, result) => {
      const { id } = result as Awaited<ReturnType<typeof addChecklistItem>>;
      expect(await db.checklistItem.findMany({ where: { caseId: w.kase.id }, select: { id: true, documentKind: true, label: true, status: true, position: true } })).toEqual([
        { id, documentKind: 'OTHER', label: 'Sworn translation of the lease', status: 'NOT_REQUESTED', position: 0 },
      ]);
      expect(await auditActions(w)).toEqual(['client.created', 'checklist.item_added']);
    },
  },
  {
    name: 'applyDefaultChecklist',
    file: 'lib/server/checklist/apply-default-checklist.ts',
    action: 'case.update',
    run: (w, role) => applyDefaultChecklist({ actor: actorOf(w, role), input: { caseId: w.kase.id }, context: newContext() }),
    allowed: async (w, _role, result) => {
      // No birth date on file: the adults-only documents stay on the list.
      const keys = checklistFor(w.kase.procedure).map((requirement) => requirement.key);
      expect(result).toEqual({ added: keys.length });
      expect((await db.checklistItem.findMany({ where: { caseId: w.kase.id }, orderBy: { position: 'asc' } })).map((item) => item.ruleKey)).toEqual(keys);
      expect(await auditActions(w)).toEqual(['client.created', 'checklist.item_added']);
    },
  },
  {
    name: 'removeChecklistItem',
    file: 'lib/server/checklist/remove-checklist-item.ts',
    action: 'checklist.delete',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: (w, role) => removeChecklistItem({ actor: actorOf(w, role), input: { itemId: ref(w, 'item') }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ caseId: w.kase.id });
      expect(await db.checklistItem.count({ where: { caseId: w.kase.id } })).toBe(0);
      // Only the request goes: the passport received for it stays with the case.
      expect(await db.caseDocument.findMany({ where: { caseId: w.kase.id }, select: { documentId: true } })).toEqual([{ documentId: ref(w, 'document') }]);
      expect(await auditActions(w)).toEqual(['client.created', 'checklist.item_removed']);
    },
  },
  {
    name: 'requestChecklistItems',
    file: 'lib/server/checklist/request-checklist-items.ts',
    action: 'document.review',
    setup: (w) => checklistItem(w, 'NOT_REQUESTED'),
    run: (w, role) => requestChecklistItems({ actor: actorOf(w, role), input: { caseId: w.kase.id, itemIds: [ref(w, 'item')] }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ requested: 1 });
      const item = await itemRow(w);
      expect([item.status, item.requestedAt]).toEqual(['REQUESTED', expect.any(Date)]);
      // The client sees the request in the portal's timeline.
      expect(await db.caseEvent.findMany({ where: { caseId: w.kase.id }, select: { type: true, visibility: true } })).toEqual([{ type: 'DOCUMENT', visibility: 'CLIENT' }]);
      expect(await auditActions(w)).toEqual(['client.created', 'checklist.item_requested']);
    },
  },
  {
    name: 'reviewChecklistItem',
    file: 'lib/server/checklist/review-checklist-item.ts',
    action: 'document.review',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: (w, role) =>
      reviewChecklistItem({ actor: actorOf(w, role), input: { itemId: ref(w, 'item'), versionId: ref(w, 'version'), decision: 'REJECT', reason: 'The photo page is cut off' }, context: newContext() }),
    allowed: async (w, role, result) => {
      expect(result).toEqual({ status: 'REJECTED' });
      expect(await itemRow(w)).toMatchObject({ status: 'REJECTED', rejectionReason: 'The photo page is cut off', reviewedById: actorOf(w, role).userId });
      expect(await db.caseEvent.findMany({ where: { caseId: w.kase.id }, select: { note: true, visibility: true } })).toEqual([{ note: 'The photo page is cut off', visibility: 'CLIENT' }]);
      expect(await auditActions(w)).toEqual(['client.created', 'document.reviewed']);
    },
  },
  // ---------- documents ----------
  {
    name: 'attachClientDocument',
    file: 'lib/server/document/attach-client-document.ts',
    action: 'document.upload',
    setup: async (w) => {
      // A passport the client gave before, on no case yet, and this case's open request for one.
      await storedPassport(w, { onCase: false });
      await checklistItem(w, 'REQUESTED');
    },
    run: (w, role) => attachClientDocument({ actor: actorOf(w, role), input: { itemId: ref(w, 'item'), documentId: ref(w, 'document') }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ caseId: w.kase.id });
      expect(await itemRow(w)).toMatchObject({ status: 'RECEIVED', documentId: ref(w, 'document') });
      expect(await db.caseDocument.findMany({ where: { caseId: w.kase.id }, select: { documentId: true } })).toEqual([{ documentId: ref(w, 'document') }]);
      expect(await db.documentVersion.count({ where: { firmId: w.firm.id } })).toBe(1);
      expect(await auditActions(w)).toEqual(['client.created', 'document.uploaded']);
    },
  },
  {
    name: 'listCaseDocuments',
    file: 'lib/server/document/list-case-documents.ts',
    action: 'document.read',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: (w, role) => listCaseDocuments({ actor: actorOf(w, role), caseId: w.kase.id }),
    allowed: async (w, _role, result) => {
      const panel = result as Awaited<ReturnType<typeof listCaseDocuments>>;
      expect(panel.caseId).toBe(w.kase.id);
      expect(panel.items.map((item) => [item.id, item.status, item.document?.id, item.document?.versions.map((version) => version.id)])).toEqual([
        [ref(w, 'item'), 'RECEIVED', ref(w, 'document'), [ref(w, 'version')]],
      ]);
      expect(panel.otherDocuments).toEqual([]);
    },
  },
  {
    name: 'openDocumentVersion',
    file: 'lib/server/document/open-document-version.ts',
    action: 'document.read',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: async (w, role) => {
      const { body, ...opened } = await openDocumentVersion({ actor: actorOf(w, role), versionId: ref(w, 'version'), context: newContext(), storage });
      return { ...opened, bytes: Buffer.concat(await body.toArray()) };
    },
    allowed: async (w, _role, result) => {
      const bytes = fileOf(w);
      expect(result).toEqual({ size: bytes.byteLength, fileName: 'passport.pdf', mimeType: 'application/pdf', disposition: 'attachment', bytes: Buffer.from(bytes) });
      expect(await auditActions(w)).toEqual(['client.created', 'document.downloaded']);
    },
  },
  {
    name: 'setPlannedSubmission',
    file: 'lib/server/document/set-planned-submission.ts',
    action: 'case.update',
    run: (w, role) => setPlannedSubmission({ actor: actorOf(w, role), input: { caseId: w.kase.id, plannedSubmissionOn: '2026-12-15' }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ plannedSubmissionOn: '2026-12-15' });
      expect((await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).plannedSubmissionOn).toEqual(new Date('2026-12-15T00:00:00Z'));
      expect(await auditActions(w)).toEqual(['client.created', 'case.updated']);
    },
  },
  {
    name: 'updateDocumentDetails',
    file: 'lib/server/document/update-document-details.ts',
    action: 'document.review',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: (w, role) =>
      updateDocumentDetails({
        actor: actorOf(w, role),
        input: { documentId: ref(w, 'document'), title: 'Passport (Morocco)', kind: 'PASSPORT', issuedOn: '2022-03-01', expiresOn: '2032-02-28' },
        context: newContext(),
      }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ id: ref(w, 'document') });
      expect(await db.document.findUniqueOrThrow({ where: { id: ref(w, 'document') } })).toMatchObject({
        title: 'Passport (Morocco)', issuedOn: new Date('2022-03-01T00:00:00Z'), expiresOn: new Date('2032-02-28T00:00:00Z'),
      });
      // The expiry date read off the paper is now a deadline of the case the passport serves.
      expect(await db.deadline.findMany({ where: { caseId: w.kase.id }, select: { kind: true, dueOn: true, documentId: true } })).toEqual([
        { kind: 'DOCUMENT_EXPIRY', dueOn: new Date('2032-02-28T00:00:00Z'), documentId: ref(w, 'document') },
      ]);
      expect(await auditActions(w)).toEqual(['client.created', 'document.updated']);
    },
  },
  {
    name: 'uploadDocument',
    file: 'lib/server/document/upload-document.ts',
    action: 'document.upload',
    setup: (w) => checklistItem(w, 'REQUESTED'),
    run: (w, role) =>
      uploadDocument({ actor: actorOf(w, role), input: { caseId: w.kase.id, checklistItemId: ref(w, 'item') }, file: { name: 'passport.pdf', body: fileOf(w) }, context: newContext(), storage }),
    allowed: async (w, role, result) => {
      const bytes = fileOf(w);
      const uploaded = result as Awaited<ReturnType<typeof uploadDocument>>;
      expect(uploaded).toMatchObject({ version: 1, fileName: 'passport.pdf', mimeType: 'application/pdf', sizeBytes: bytes.byteLength, sha256: sha256(bytes), duplicateOf: null });
      const version = await db.documentVersion.findUniqueOrThrow({ where: { id: uploaded.versionId } });
      expect(version).toMatchObject({ firmId: w.firm.id, documentId: uploaded.documentId, uploadedById: actorOf(w, role).userId, fromClient: false });
      expect(await storedBytes(version.storageKey)).toEqual(Buffer.from(bytes));
      expect(await itemRow(w)).toMatchObject({ status: 'RECEIVED', documentId: uploaded.documentId });
      expect(await auditActions(w)).toEqual(['client.created', 'document.uploaded']);
    },
  },
  {
    name: 'zipCaseDocuments',
    file: 'lib/server/document/zip-case-documents.ts',
    action: 'document.read',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: async (w, role) => {
      const { fileName, stream } = await zipCaseDocuments({ actor: actorOf(w, role), caseId: w.kase.id, context: newContext(), storage });
      return { fileName, zip: Buffer.concat(await stream.toArray()) };
    },
    allowed: async (w, _role, result) => {
      const { fileName, zip } = result as { fileName: string; zip: Buffer };
      expect(fileName).toBe(`REQ-${w.client.fileNumber}-${w.client.lastName.replaceAll(' ', '-')}.zip`);
      // Read back with Info-ZIP, which shares no code with the archiver that wrote it.
      const file = path.join(root, `${unique()}.zip`);
      await writeFile(file, zip);
      expect((await unzip('unzip', ['-Z1', file])).stdout.trim().split('\n')).toEqual(['01-Passport.pdf']);
      expect((await unzip('unzip', ['-p', file, '01-Passport.pdf'], { encoding: 'buffer' })).stdout).toEqual(Buffer.from(fileOf(w)));
      expect(await auditActions(w)).toEqual(['client.created', 'case.documents_downloaded']);
    },
  },
  {
    name: 'deleteDocument',
    file: 'lib/server/document/delete-document.ts',
    action: 'document.delete',
    setup: (w) => storedPassport(w, { onCase: true }),
    run: (w, role) => deleteDocument({ actor: actorOf(w, role), input: { documentId: ref(w, 'document') }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ documentId: ref(w, 'document'), caseIds: [w.kase.id] });
      expect((await db.document.findUniqueOrThrow({ where: { id: ref(w, 'document') } })).deletedAt).not.toBeNull();
      // The request it answered waits for a new document; the case's list no longer shows the deleted one.
      expect(await itemRow(w)).toMatchObject({ documentId: null, status: 'REQUESTED' });
      const listed = await listCaseDocuments({ actor: w.advisor.actor, caseId: w.kase.id });
      expect(listed.items.map((item) => item.document)).toEqual([null]);
      expect(listed.otherDocuments).toEqual([]);
      // The file stays in storage: deletion is not erasure.
      expect((await storedBytes(`${w.firm.id}/${ref(w, 'document')}/${ref(w, 'version')}`)).equals(Buffer.from(fileOf(w)))).toBe(true);
      expect(await auditActions(w)).toEqual(['client.created', 'document.deleted']);
    },
  },
];
