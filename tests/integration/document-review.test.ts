import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, StaffActor } from '@/lib/auth/actor';
import type { Case } from '@/lib/generated/prisma/client';
import type { ChecklistStatus } from '@/lib/generated/prisma/enums';
import { checklistFor } from '@/lib/rules/checklists';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { docx, heic, pdf, png, sha256 } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-review-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createCase: openCase } = await import('@/lib/server/case/create-case');
const { applyDefaultChecklist } = await import('@/lib/server/checklist/apply-default-checklist');
const { addChecklistItem } = await import('@/lib/server/checklist/add-checklist-item');
const { removeChecklistItem } = await import('@/lib/server/checklist/remove-checklist-item');
const { requestChecklistItems } = await import('@/lib/server/checklist/request-checklist-items');
const { reviewChecklistItem } = await import('@/lib/server/checklist/review-checklist-item');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { attachClientDocument } = await import('@/lib/server/document/attach-client-document');
const { listCaseDocuments } = await import('@/lib/server/document/list-case-documents');
const { openDocumentVersion } = await import('@/lib/server/document/open-document-version');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

let a: FirmWithStaff;
let b: FirmWithStaff;
let amina: PortalClient;
let kase: Case;
let caseB: Case;

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Review A'), createFirmWithStaff('Review B')]);
  amina = await createClient(a.firm, { withPortal: true });
  const { client: clientB } = await createClient(b.firm);
  [kase, caseB] = await Promise.all([createCase(a.firm, amina.client), createCase(b.firm, clientB)]);
});

const context = newContext;
const addItem = (on: Case, status: ChecklistStatus = 'NOT_REQUESTED') =>
  db.checklistItem.create({ data: { firmId: on.firmId, caseId: on.id, documentKind: 'PASSPORT', label: 'Passport', status, requestedAt: status === 'NOT_REQUESTED' ? null : new Date() } });
const itemRow = (id: string) => db.checklistItem.findUniqueOrThrow({ where: { id } });
const checklistOf = (caseId: string) => db.checklistItem.findMany({ where: { caseId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
const upload = (actor: Actor, on: Case, itemId: string, bytes: Uint8Array = pdf()) =>
  uploadDocument({ actor, input: { caseId: on.id, checklistItemId: itemId }, file: { name: 'passport.pdf', body: bytes }, context: context(), storage });
const review = (itemId: string, decision: 'APPROVE' | 'REJECT', reason?: string, actor: StaffActor = a.advisor.actor) =>
  reviewChecklistItem({ actor, input: { itemId, decision, reason }, context: context() });
const expected = (requirements: ReturnType<typeof checklistFor>) => requirements.map((r) => ({ ruleKey: r.key, documentKind: r.documentKind, status: 'NOT_REQUESTED' }));
const shape = (items: { ruleKey: string | null; documentKind: string; status: string }[]) => items.map(({ ruleKey, documentKind, status }) => ({ ruleKey, documentKind, status }));

describe('the checklist', () => {
  it("gives a case opened through createCase the procedure's default documents, without the adults-only ones for a child", async () => {
    const opened = await openCase({ actor: a.advisor.actor, input: { clientId: amina.client.id, procedure: 'FAMILY_REUNIFICATION' }, context: context() });
    expect(shape(await checklistOf(opened.id))).toEqual(expected(checklistFor('FAMILY_REUNIFICATION')));

    const { client: child } = await createClient(a.firm, { firstName: 'Yasmine' });
    await db.client.update({ where: { id: child.id }, data: { birthDate: new Date('2015-04-01T00:00:00Z') } });
    const study = await openCase({ actor: a.advisor.actor, input: { clientId: child.id, procedure: 'STUDY' }, context: context() });
    const items = await checklistOf(study.id);
    expect(shape(items)).toEqual(expected(checklistFor('STUDY', { adult: false })));
    expect(items.map((item) => item.ruleKey)).not.toContain('criminal-record');
  });

  it('adds the defaults to a case that has none, once, even on a double click', async () => {
    const defaults = expected(checklistFor('SINGLE_PERMIT'));
    const bare = await createCase(a.firm, amina.client);
    expect(await applyDefaultChecklist({ actor: a.assistant.actor, input: { caseId: bare.id }, context: context() })).toEqual({ added: defaults.length });
    expect(shape(await checklistOf(bare.id))).toEqual(defaults);
    expect(await applyDefaultChecklist({ actor: a.assistant.actor, input: { caseId: bare.id }, context: context() })).toEqual({ added: 0 });
    expect(await db.checklistItem.count({ where: { caseId: bare.id } })).toBe(defaults.length);
    expect(await db.auditLog.count({ where: { action: 'checklist.item_added', diff: { path: ['after', 'caseId'], equals: bare.id } } })).toBe(1);

    const other = await createCase(a.firm, amina.client);
    const both = await Promise.all([1, 2].map(() => applyDefaultChecklist({ actor: a.advisor.actor, input: { caseId: other.id }, context: context() })));
    expect(both.map((r) => r.added).sort((x, y) => x - y)).toEqual([0, defaults.length]);
    expect(shape(await checklistOf(other.id))).toEqual(defaults);
    await expectAppError(applyDefaultChecklist({ actor: a.advisor.actor, input: { caseId: caseB.id }, context: context() }), 'NOT_FOUND');
  });

  it('adds a custom document at the end of the list, with its label', async () => {
    const on = await createCase(a.firm, amina.client);
    await applyDefaultChecklist({ actor: a.advisor.actor, input: { caseId: on.id }, context: context() });
    const added = await addChecklistItem({ actor: a.assistant.actor, input: { caseId: on.id, documentKind: 'OTHER', label: '  Sworn translation of the birth certificate ' }, context: context() });
    const items = await checklistOf(on.id);
    expect(items.at(-1)).toMatchObject({ id: added.id, documentKind: 'OTHER', ruleKey: null, label: 'Sworn translation of the birth certificate', status: 'NOT_REQUESTED', position: items.length - 1 });
    const error = await expectAppError(addChecklistItem({ actor: a.advisor.actor, input: { caseId: on.id, documentKind: 'OTHER', label: '  ' }, context: context() }), 'VALIDATION');
    expect(error).toMatchObject({ details: { fieldErrors: { label: ['labelRequired'] } } });
    await expectAppError(addChecklistItem({ actor: b.advisor.actor, input: { caseId: on.id, documentKind: 'OTHER', label: 'Lease' }, context: context() }), 'NOT_FOUND');
    expect(await db.checklistItem.count({ where: { caseId: on.id } })).toBe(items.length);
  });

  it('lets an admin or advisor remove an item, not an assistant nor another firm; a received document stays', async () => {
    const [forAdmin, forAdvisor, kept] = await Promise.all([addItem(kase), addItem(kase), addItem(kase, 'REQUESTED')]);
    const received = await upload(a.advisor.actor, kase, forAdvisor.id);
    await removeChecklistItem({ actor: a.admin.actor, input: { itemId: forAdmin.id }, context: context() });
    await removeChecklistItem({ actor: a.advisor.actor, input: { itemId: forAdvisor.id }, context: context() });
    expect(await db.checklistItem.count({ where: { id: { in: [forAdmin.id, forAdvisor.id] } } })).toBe(0);
    expect(await db.caseDocument.count({ where: { caseId: kase.id, documentId: received.documentId } })).toBe(1);
    expect(await db.auditLog.findFirst({ where: { action: 'checklist.item_removed', entityId: forAdvisor.id } })).toMatchObject({ actorUserId: a.advisor.user.id });

    await expectAppError(removeChecklistItem({ actor: a.assistant.actor, input: { itemId: kept.id }, context: context() }), 'FORBIDDEN');
    await expectAppError(removeChecklistItem({ actor: b.admin.actor, input: { itemId: kept.id }, context: context() }), 'NOT_FOUND');
    expect(await itemRow(kept.id)).toEqual(kept);
  });

  it('requests the items not yet asked for, leaves received ones, and refuses a list with a foreign id whole', async () => {
    const [first, second, received] = await Promise.all([addItem(kase), addItem(kase), addItem(kase)]);
    await upload(a.advisor.actor, kase, received.id);
    const result = await requestChecklistItems({ actor: a.assistant.actor, input: { caseId: kase.id, itemIds: [first.id, second.id, received.id] }, context: context() });
    expect(result).toEqual({ requested: 2 });
    for (const id of [first.id, second.id]) expect(await itemRow(id)).toMatchObject({ status: 'REQUESTED', requestedAt: expect.any(Date) });
    expect(await itemRow(received.id)).toMatchObject({ status: 'RECEIVED', requestedAt: null });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, payload: { path: ['action'], equals: 'requested' } }, orderBy: { occurredAt: 'desc' } });
    expect(event.visibility).toBe('CLIENT');
    expect((event.payload as { items: { id: string }[] }).items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());

    const otherCase = await createCase(a.firm, amina.client);
    const [fresh, elsewhere, inFirmB] = await Promise.all([addItem(kase), addItem(otherCase), addItem(caseB)]);
    for (const foreign of [elsewhere, inFirmB]) {
      await expectAppError(requestChecklistItems({ actor: a.advisor.actor, input: { caseId: kase.id, itemIds: [fresh.id, foreign.id] }, context: context() }), 'NOT_FOUND');
    }
    expect(await Promise.all([fresh, elsewhere, inFirmB].map((item) => itemRow(item.id)))).toEqual([fresh, elsewhere, inFirmB]);
  });
});

describe('reviewing what was received', () => {
  it('approves: the client reads it on their timeline and the audit names the version', async () => {
    const item = await addItem(kase, 'REQUESTED');
    const sent = await upload(amina.actor, kase, item.id);
    expect(await review(item.id, 'APPROVE')).toEqual({ status: 'APPROVED' });
    expect(await itemRow(item.id)).toMatchObject({ status: 'APPROVED', reviewedById: a.advisor.user.id, reviewedAt: expect.any(Date), rejectionReason: null });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, AND: [{ payload: { path: ['checklistItemId'], equals: item.id } }, { payload: { path: ['action'], equals: 'approved' } }] } });
    expect(event).toMatchObject({ visibility: 'CLIENT', payload: { versionId: sent.versionId, documentId: sent.documentId } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'document.reviewed', entityId: sent.documentId } });
    expect(audit.diff).toMatchObject({ before: { status: 'RECEIVED' }, after: { status: 'APPROVED', version: 1 } });
  });

  it.each([['an empty reason', ''], ['a blank reason', '   ']])('refuses a rejection with %s, naming the field', async (_label, reason) => {
    const item = await addItem(kase, 'REQUESTED');
    await upload(amina.actor, kase, item.id);
    const before = await itemRow(item.id);
    const error = await expectAppError(review(item.id, 'REJECT', reason), 'VALIDATION');
    expect(error).toMatchObject({ details: { fieldErrors: { reason: ['reasonRequired'] } } });
    expect(await itemRow(item.id)).toEqual(before);
  });

  it('refuses to review an item with nothing received, and answers NOT_FOUND to another firm', async () => {
    const empty = await addItem(kase, 'REQUESTED');
    const error = await expectAppError(review(empty.id, 'APPROVE'), 'VALIDATION');
    expect(error.userMessage).toBe('documents.review.nothingReceived');
    const received = await addItem(kase, 'REQUESTED');
    await upload(amina.actor, kase, received.id);
    const before = await itemRow(received.id);
    await expectAppError(review(received.id, 'APPROVE', undefined, b.advisor.actor), 'NOT_FOUND');
    expect(await itemRow(received.id)).toEqual(before);
    expect(await itemRow(empty.id)).toEqual(empty);
  });

  it('rejects with a reason the client reads, takes the new upload as version 2, then approves it', async () => {
    const item = await addItem(kase, 'REQUESTED');
    const first = await upload(amina.actor, kase, item.id);
    const reason = 'The photo page is cut off; please scan the whole page again.';
    expect(await review(item.id, 'REJECT', `  ${reason} `)).toEqual({ status: 'REJECTED' });
    expect(await itemRow(item.id)).toMatchObject({ status: 'REJECTED', rejectionReason: reason, reviewedById: a.advisor.user.id });
    const rejected = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, note: reason } });
    expect(rejected).toMatchObject({ visibility: 'CLIENT', type: 'DOCUMENT', payload: { action: 'rejected', checklistItemId: item.id, versionId: first.versionId } });

    const second = await upload(amina.actor, kase, item.id, png());
    expect(second).toMatchObject({ documentId: first.documentId, version: 2 });
    // The new file waits for a look; the old reason no longer describes it.
    expect(await itemRow(item.id)).toMatchObject({ status: 'RECEIVED', rejectionReason: null, reviewedAt: null, reviewedById: null });

    await review(item.id, 'APPROVE');
    const panel = await listCaseDocuments({ actor: a.assistant.actor, caseId: kase.id });
    const shown = panel.items.find((entry) => entry.id === item.id);
    expect(shown).toMatchObject({ status: 'APPROVED', rejectionReason: null, document: { id: first.documentId } });
    expect(shown?.document?.versions.map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('reusing a document from another case', () => {
  it("answers an item with the same client's document from another case, linked and to be reviewed", async () => {
    const earlier = await createCase(a.firm, amina.client);
    const source = await addItem(earlier, 'REQUESTED');
    const sent = await upload(amina.actor, earlier, source.id);
    const item = await addItem(kase, 'REQUESTED');
    const panel = await listCaseDocuments({ actor: a.advisor.actor, caseId: kase.id });
    expect(panel.reusable.map((document) => document.id)).toContain(sent.documentId);

    expect(await attachClientDocument({ actor: a.assistant.actor, input: { itemId: item.id, documentId: sent.documentId }, context: context() })).toEqual({ caseId: kase.id });
    expect(await itemRow(item.id)).toMatchObject({ status: 'RECEIVED', documentId: sent.documentId });
    expect(await db.caseDocument.count({ where: { caseId: kase.id, documentId: sent.documentId } })).toBe(1);
    expect(await db.documentVersion.count({ where: { documentId: sent.documentId } })).toBe(1);
  });

  it("answers NOT_FOUND for another client's document of the same firm, and for another firm's item", async () => {
    const { client: stranger } = await createClient(a.firm, { firstName: 'Omar' });
    const theirCase = await createCase(a.firm, stranger);
    const theirs = await upload(a.advisor.actor, theirCase, (await addItem(theirCase, 'REQUESTED')).id);
    const item = await addItem(kase, 'REQUESTED');
    await expectAppError(attachClientDocument({ actor: a.advisor.actor, input: { itemId: item.id, documentId: theirs.documentId }, context: context() }), 'NOT_FOUND');
    const itemB = await addItem(caseB, 'REQUESTED');
    await expectAppError(attachClientDocument({ actor: a.advisor.actor, input: { itemId: itemB.id, documentId: theirs.documentId }, context: context() }), 'NOT_FOUND');
    expect([await itemRow(item.id), await itemRow(itemB.id)]).toEqual([item, itemB]);
    expect(await db.caseDocument.count({ where: { documentId: theirs.documentId } })).toBe(1);
  });
});

describe('downloads', () => {
  const open = (actor: Actor, versionId: string, inline = false) => openDocumentVersion({ actor, versionId, inline, context: context(), storage });
  // Read to the end, as the browser does: the hash proves every byte came back.
  const hashOf = async (opened: { body: Readable }) => sha256(Buffer.concat(await opened.body.toArray()));
  const downloads = () => db.auditLog.count({ where: { action: 'document.downloaded' } });

  it('gives staff of the firm the exact bytes and records the download; staff of another firm get NOT_FOUND', async () => {
    const bytes = pdf();
    const sent = await upload(amina.actor, kase, (await addItem(kase, 'REQUESTED')).id, bytes);
    const opened = await open(a.assistant.actor, sent.versionId);
    expect(opened).toMatchObject({ fileName: 'passport.pdf', mimeType: 'application/pdf', size: bytes.byteLength, disposition: 'attachment' });
    expect(await hashOf(opened)).toBe(sha256(bytes));
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'document.downloaded', entityId: sent.documentId } });
    expect(audit).toMatchObject({ firmId: a.firm.id, actorKind: 'STAFF', actorUserId: a.assistant.user.id, diff: { after: { versionId: sent.versionId, version: 1, disposition: 'attachment' } } });

    const before = await downloads();
    await expectAppError(open(b.admin.actor, sent.versionId), 'NOT_FOUND');
    expect(await downloads()).toBe(before);
  });

  it("lets a client open their own upload, and not another client's of the same firm", async () => {
    const bytes = png();
    const sent = await upload(amina.actor, kase, (await addItem(kase, 'REQUESTED')).id, bytes);
    const opened = await open(amina.actor, sent.versionId);
    expect(await hashOf(opened)).toBe(sha256(bytes));
    expect(await db.auditLog.findFirst({ where: { action: 'document.downloaded', entityId: sent.documentId } })).toMatchObject({ actorKind: 'CLIENT', actorUserId: amina.portalUser.id });

    const neighbour = await createClient(a.firm, { withPortal: true, firstName: 'Nadia' });
    const before = await downloads();
    await expectAppError(open(neighbour.actor, sent.versionId), 'NOT_FOUND');
    expect(await downloads()).toBe(before);
  });

  it("does not show a client an advisor's file that answers none of their requests, and shows one that does", async () => {
    const memo = await uploadDocument({ actor: a.advisor.actor, input: { caseId: kase.id, kind: 'OTHER' }, file: { name: 'strategy.pdf', body: pdf() }, context: context(), storage });
    await expectAppError(open(amina.actor, memo.versionId), 'NOT_FOUND');
    (await open(a.advisor.actor, memo.versionId)).body.destroy();

    const answer = await upload(a.advisor.actor, kase, (await addItem(kase, 'REQUESTED')).id);
    const opened = await open(amina.actor, answer.versionId);
    expect(opened.fileName).toBe('passport.pdf');
    opened.body.destroy();
  });

  it.each([
    ['a PDF', pdf, 'inline'],
    ['a PNG', png, 'inline'],
    ['a HEIC photo', heic, 'attachment'],
    ['a DOCX', docx, 'attachment'],
  ] as const)('serves %s asked inline as %s', async (_label, file, disposition) => {
    const sent = await upload(a.advisor.actor, kase, (await addItem(kase, 'REQUESTED')).id, await file());
    const inline = await open(a.advisor.actor, sent.versionId, true);
    inline.body.destroy();
    expect(inline.disposition).toBe(disposition);
    const plain = await open(a.advisor.actor, sent.versionId);
    plain.body.destroy();
    expect(plain.disposition).toBe('attachment');
  });
});
