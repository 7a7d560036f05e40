import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@/lib/generated/prisma/client';
import { pdf } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { startS3Server, type S3Harness } from './support/s3-server';
import { setupTestDatabase } from './support/test-database';

// The document operations on S3-compatible storage, as docker-compose runs them with MinIO: the same bytes come
// back, and a refused or failed upload leaves no object in the bucket.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-s3-docs-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { openDocumentVersion } = await import('@/lib/server/document/open-document-version');
const { reviewChecklistItem } = await import('@/lib/server/checklist/review-checklist-item');

const db = getDb();
let s3: S3Harness;
let a: FirmWithStaff;
let amina: PortalClient;
let kase: Case;

beforeAll(async () => {
  s3 = await startS3Server();
  a = await createFirmWithStaff('S3 docs');
  amina = await createClient(a.firm, { withPortal: true });
  kase = await createCase(a.firm, amina.client);
});
afterAll(async () => {
  await s3.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const requestedItem = () => db.checklistItem.create({ data: { firmId: a.firm.id, caseId: kase.id, documentKind: 'PASSPORT', status: 'REQUESTED', requestedAt: new Date() } });

describe('documents on S3-compatible storage', () => {
  it('stores a client upload under the firm and document, and gives the advisor the same bytes back', async () => {
    const item = await requestedItem();
    const bytes = pdf('on s3');
    const sent = await uploadDocument({ actor: amina.actor, input: { caseId: kase.id, checklistItemId: item.id }, file: { name: 'passport.pdf', body: bytes }, context: newContext(), storage: s3.storage });
    expect(await s3.keys()).toContain(`${a.firm.id}/${sent.documentId}/${sent.versionId}`);
    const opened = await openDocumentVersion({ actor: a.advisor.actor, versionId: sent.versionId, context: newContext(), storage: s3.storage });
    expect(opened).toMatchObject({ fileName: 'passport.pdf', mimeType: 'application/pdf', size: bytes.length, disposition: 'attachment' });
    expect(await text(opened.body)).toBe(Buffer.from(bytes).toString());
  });

  it('leaves no object behind for a refused file, nor for one whose review landed while it was arriving', async () => {
    const before = await s3.keys();
    const item = await requestedItem();
    await expectAppError(uploadDocument({ actor: amina.actor, input: { caseId: kase.id, checklistItemId: item.id }, file: { name: 'passport.pdf', body: Buffer.from('not a pdf at all') }, context: newContext(), storage: s3.storage }), 'VALIDATION');
    expect(await s3.keys()).toEqual(before);

    const first = await uploadDocument({ actor: amina.actor, input: { caseId: kase.id, checklistItemId: item.id }, file: { name: 'passport.pdf', body: pdf() }, context: newContext(), storage: s3.storage });
    const stored = await s3.keys();
    // The approval commits while the client's second file is still being received: that upload must not undo it.
    const racing = {
      ...s3.storage,
      put: async (...args: Parameters<typeof s3.storage.put>) => {
        await s3.storage.put(...args);
        await reviewChecklistItem({ actor: a.advisor.actor, input: { itemId: item.id, versionId: first.versionId, decision: 'APPROVE' }, context: newContext() });
      },
    };
    await expectAppError(uploadDocument({ actor: amina.actor, input: { caseId: kase.id, checklistItemId: item.id }, file: { name: 'again.pdf', body: pdf() }, context: newContext(), storage: racing }), 'CONFLICT');
    expect(await s3.keys()).toEqual(stored);
    expect((await db.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('APPROVED');
    expect(await db.documentVersion.count({ where: { documentId: first.documentId } })).toBe(1);
  });
});
