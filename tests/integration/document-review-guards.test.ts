import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Case } from '@/lib/generated/prisma/client';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// What the reviewer decided must be about the bytes they saw, and what the client sees must be theirs to see.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-guards-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { requestChecklistItems } = await import('@/lib/server/checklist/request-checklist-items');
const { reviewChecklistItem } = await import('@/lib/server/checklist/review-checklist-item');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { attachClientDocument } = await import('@/lib/server/document/attach-client-document');
const { openDocumentVersion } = await import('@/lib/server/document/open-document-version');
const { listPortalDocumentRequests } = await import('@/lib/server/portal/list-portal-document-requests');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

let a: FirmWithStaff;
let amina: PortalClient;

beforeAll(async () => {
  a = await createFirmWithStaff('Guards');
  amina = await createClient(a.firm, { withPortal: true, firstName: 'Amina' });
});

async function itemOn(kase: Case, documentKind: 'PASSPORT' | 'CRIMINAL_RECORD' = 'PASSPORT') {
  return db.checklistItem.create({ data: { firmId: a.firm.id, caseId: kase.id, documentKind } });
}
const upload = (actor: Actor, kase: Case, checklistItemId: string, bytes = pdf(), name = 'scan.pdf') =>
  uploadDocument({ actor, input: { caseId: kase.id, checklistItemId }, file: { name, body: bytes }, context: newContext(), storage });
const request = (kase: Case, itemId: string) => requestChecklistItems({ actor: a.advisor.actor, input: { caseId: kase.id, itemIds: [itemId] }, context: newContext() });
const status = async (id: string) => (await db.checklistItem.findUniqueOrThrow({ where: { id } })).status;

describe('reviewing what was seen', () => {
  it('refuses an approval of version 1 once version 2 has arrived, and applies it to the version shown', async () => {
    const kase = await createCase(a.firm, amina.client);
    const item = await itemOn(kase);
    await request(kase, item.id);
    const first = await upload(amina.actor, kase, item.id);
    const second = await upload(amina.actor, kase, item.id);
    const stale = await expectAppError(reviewChecklistItem({ actor: a.advisor.actor, input: { itemId: item.id, versionId: first.versionId, decision: 'APPROVE' }, context: newContext() }), 'CONFLICT');
    expect(stale.userMessage).toBe('documents.review.stale');
    expect(await status(item.id)).toBe('RECEIVED');
    await reviewChecklistItem({ actor: a.advisor.actor, input: { itemId: item.id, versionId: second.versionId, decision: 'APPROVE' }, context: newContext() });
    expect(await status(item.id)).toBe('APPROVED');
  });

  it('sends an approval on another case back to review when the reused document gets a new version', async () => {
    const [caseA, caseB] = [await createCase(a.firm, amina.client), await createCase(a.firm, amina.client)];
    const [itemA, itemB] = [await itemOn(caseA), await itemOn(caseB)];
    await request(caseA, itemA.id);
    await request(caseB, itemB.id);
    await upload(amina.actor, caseA, itemA.id);
    const documentId = (await db.checklistItem.findUniqueOrThrow({ where: { id: itemA.id } })).documentId!;
    await reviewChecklistItem({ actor: a.advisor.actor, input: { itemId: itemA.id, decision: 'APPROVE' }, context: newContext() });
    await attachClientDocument({ actor: a.advisor.actor, input: { itemId: itemB.id, documentId }, context: newContext() });
    const rescan = await upload(amina.actor, caseB, itemB.id);
    expect(rescan.documentId).toBe(documentId);
    expect(rescan.version).toBe(2);
    expect(await status(itemA.id)).toBe('RECEIVED');
    expect(await status(itemB.id)).toBe('RECEIVED');
  });
});

describe('what the client sees', () => {
  it('does not tell a client the title of an internal document with the same bytes', async () => {
    const kase = await createCase(a.firm, amina.client);
    const bytes = pdf();
    const memo = await uploadDocument({ actor: a.advisor.actor, input: { caseId: kase.id, kind: 'OTHER' }, file: { name: 'Payslip - suspected fake.pdf', body: bytes }, context: newContext(), storage });
    const item = await itemOn(kase);
    await request(kase, item.id);
    const sent = await upload(amina.actor, kase, item.id, bytes, 'payslip.pdf');
    expect(sent.duplicateOf).toBeNull();
    // Staff still see the flag.
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: sent.versionId } })).duplicateOfId).toBe(memo.versionId);
  });

  it('keeps an item staff filed a paper for, without asking the client, out of the portal and its file closed to the client', async () => {
    const kase = await createCase(a.firm, amina.client);
    const item = await itemOn(kase, 'CRIMINAL_RECORD');
    const filed = await upload(a.advisor.actor, kase, item.id, pdf(), 'extract-from-the-authorities.pdf');
    expect(await status(item.id)).toBe('RECEIVED');
    expect((await listPortalDocumentRequests({ actor: amina.actor })).map((r) => r.id)).not.toContain(item.id);
    await expectAppError(openDocumentVersion({ actor: amina.actor, versionId: filed.versionId, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(upload(amina.actor, kase, item.id), 'NOT_FOUND');
  });

  it('refuses a client upload on a closed case', async () => {
    const kase = await createCase(a.firm, amina.client);
    const item = await itemOn(kase);
    await request(kase, item.id);
    await db.case.update({ where: { id: kase.id }, data: { closedAt: new Date(), stage: 'CLOSED' } });
    await expectAppError(upload(amina.actor, kase, item.id), 'NOT_FOUND');
    expect(await status(item.id)).toBe('REQUESTED');
  });
});
