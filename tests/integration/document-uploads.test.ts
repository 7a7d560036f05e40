import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Case } from '@/lib/generated/prisma/client';
import type { ChecklistStatus } from '@/lib/generated/prisma/enums';
import type { UploadBody } from '@/lib/server/document/receive-upload';
import { createLocalStorage } from '@/lib/storage/local-storage';
import type { Storage } from '@/lib/storage/storage';
import { docx, elfBinary, filesUnder, heic, jpeg, odt, pdf, plainZip, png, sha256, webp, windowsExe } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// lib/env reads process.env once, on first use: the data directory and a 1 MB limit are set before any lib module runs.
const LIMIT = 1024 * 1024;
const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-uploads-'));
process.env.DATA_DIR = dataDir;
process.env.UPLOAD_MAX_BYTES = String(LIMIT);
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { reviewChecklistItem } = await import('@/lib/server/checklist/review-checklist-item');

const db = getDb();
const storageRoot = path.join(dataDir, 'objects');
const storage = createLocalStorage(storageRoot);
const uploadTmp = path.join(dataDir, 'tmp', 'uploads');
afterAll(() => rm(dataDir, { recursive: true, force: true }));

let a: FirmWithStaff;
let b: FirmWithStaff;
let amina: PortalClient;
let other: PortalClient;
let kase: Case;
let otherCase: Case;
let caseB: Case;

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Uploads A'), createFirmWithStaff('Uploads B')]);
  [amina, other] = await Promise.all([createClient(a.firm, { withPortal: true }), createClient(a.firm, { withPortal: true, firstName: 'Bilal' })]);
  const { client: clientB } = await createClient(b.firm);
  [kase, otherCase, caseB] = await Promise.all([createCase(a.firm, amina.client), createCase(a.firm, other.client), createCase(b.firm, clientB)]);
});

const addItem = (on: Case, status: ChecklistStatus = 'REQUESTED', label: string | null = 'Passport') =>
  db.checklistItem.create({ data: { firmId: on.firmId, caseId: on.id, documentKind: 'PASSPORT', label, status, requestedAt: status === 'NOT_REQUESTED' ? null : new Date() } });

const send = (actor: Actor, input: Record<string, unknown>, name: string, body: UploadBody, declaredSize?: number) =>
  uploadDocument({ actor, input, file: { name, body, declaredSize }, context: newContext(), storage });

const storedBytes = async (key: string) => Buffer.concat(await (await storage.get(key)).body.toArray());

/** Everything an upload writes, for one firm, plus what is on disk. */
async function everything(firmId: string) {
  const where = { firmId };
  const [documents, versions, links, items, audit, events] = await Promise.all([
    db.document.count({ where }),
    db.documentVersion.count({ where }),
    db.caseDocument.count({ where }),
    db.checklistItem.findMany({ where, orderBy: { id: 'asc' } }),
    db.auditLog.count({ where }),
    db.caseEvent.count({ where }),
  ]);
  return { documents, versions, links, items, audit, events, stored: await filesUnder(storageRoot), temp: await filesUnder(uploadTmp) };
}

/** A body sent in 64 KB chunks, so a refusal half way has already written part of the temporary file. */
function chunked(bytes: Uint8Array, size = 64 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(Buffer.from(bytes.subarray(start, start + size)));
  return Readable.from(chunks);
}

/** A connection that drops after a few chunks, as a browser tab closed mid-upload. */
function cutOff(bytes: Uint8Array, chunks: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent === chunks) return this.destroy(new Error('aborted'));
      this.push(Buffer.from(bytes.subarray(sent * 1024, (sent + 1) * 1024)));
      sent += 1;
    },
  });
}

/** The body as a route handler gets it (request.body), a web stream, dropping after `chunks` chunks when asked. */
function webStream(bytes: Uint8Array, chunks = Infinity): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = bytes.subarray(sent * 1024, (sent + 1) * 1024);
      if (sent === chunks) return controller.error(new Error('aborted'));
      if (chunk.length === 0) return controller.close();
      controller.enqueue(chunk);
      sent += 1;
    },
  });
}

const padded = (bytes: Uint8Array, total: number) => Buffer.concat([bytes, Buffer.alloc(total - bytes.length)]);

describe('refused uploads change nothing', () => {
  type Refusal = [label: string, key: string, name: string, body: () => UploadBody | Promise<UploadBody>, declaredSize?: number];
  const refusals: Refusal[] = [
    ['a text file named passport.pdf', 'wrongType', 'passport.pdf', () => new TextEncoder().encode('I am not a PDF, only text.\n')],
    ['an empty body', 'empty', 'passport.pdf', () => new Uint8Array(0)],
    ['a body over the limit', 'tooLarge', 'scan.pdf', () => chunked(padded(pdf(), LIMIT + 1))],
    ['a name with a slash', 'badName', '../../etc/passport.pdf', () => pdf()],
    ['a name with a backslash', 'badName', 'C:\\Users\\amina\\passport.pdf', () => pdf()],
    ['the name ".."', 'badName', '..', () => pdf()],
    ['a ZIP archive', 'archiveOrExecutable', 'papers.pdf', plainZip],
    ['a Windows executable', 'archiveOrExecutable', 'passport.pdf', windowsExe],
    ['an ELF binary', 'archiveOrExecutable', 'passport.pdf', elfBinary],
    ['an upload cut off half way', 'incomplete', 'scan.pdf', () => cutOff(padded(pdf(), 8192), 3)],
    ['a browser upload dropped half way', 'incomplete', 'scan.pdf', () => webStream(padded(pdf(), 8192), 3)],
    ['a body shorter than announced', 'incomplete', 'scan.pdf', () => pdf('short'), 5000],
  ];

  it.each(refusals)('refuses %s (documents.upload.%s)', async (_label, key, name, body, declaredSize) => {
    const target = await addItem(kase);
    const file = await body();
    const before = await everything(a.firm.id);
    const error = await expectAppError(send(a.advisor.actor, { caseId: kase.id, checklistItemId: target.id }, name, file, declaredSize), 'VALIDATION');
    expect(error.userMessage).toBe(`documents.upload.${key}`);
    const after = await everything(a.firm.id);
    expect(after).toEqual(before);
    expect(after.temp).toEqual([]);
    expect(after.items.find((item) => item.id === target.id)).toMatchObject({ status: 'REQUESTED', documentId: null });
  });

  it('refuses a declared size over the limit before reading a byte of the body', async () => {
    const target = await addItem(kase);
    let reads = 0;
    const body = new Readable({ read() { reads += 1; this.push(pdf()); this.push(null); } });
    const before = await everything(a.firm.id);
    const error = await expectAppError(send(amina.actor, { caseId: kase.id, checklistItemId: target.id }, 'scan.pdf', body, LIMIT + 1), 'VALIDATION');
    expect(error.userMessage).toBe('documents.upload.tooLarge');
    expect(reads).toBe(0);
    expect(await everything(a.firm.id)).toEqual(before);
  });
});

describe('accepted uploads', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const accepted: [label: string, name: string, body: () => Uint8Array | Promise<Uint8Array>, mime: string, stored: string, streamed?: boolean][] = [
    ['a PDF, with control and bidi characters cleaned from its name', ' Passeport\u0007 scan\u202e.pdf', () => pdf(), 'application/pdf', 'Passeport scan.pdf'],
    ['a PDF streamed as a route handler receives it', 'attestation.pdf', () => padded(pdf(), 5000), 'application/pdf', 'attestation.pdf', true],
    ['a PNG named .pdf, renamed to .png', 'photo.pdf', png, 'image/png', 'photo.png'],
    ['a JPEG keeping its .jpeg name', 'IMG_0001.jpeg', jpeg, 'image/jpeg', 'IMG_0001.jpeg'],
    ['a WebP', 'capture.webp', webp, 'image/webp', 'capture.webp'],
    ['an iPhone HEIC photo named .jpg', 'IMG_2040.jpg', heic, 'image/heic', 'IMG_2040.heic'],
    ['a DOCX', 'contrat de travail.docx', docx, DOCX, 'contrat de travail.docx'],
    ['an ODT without extension', 'lettre', odt, 'application/vnd.oasis.opendocument.text', 'lettre.odt'],
  ];

  it.each(accepted)('stores %s with its sniffed type, hash, version 1 and every trace', async (_label, name, body, mime, stored, streamed) => {
    const target = await addItem(kase, 'REQUESTED', null);
    const bytes = await body();
    const result = await send(a.advisor.actor, { caseId: kase.id, checklistItemId: target.id }, name, streamed ? webStream(bytes) : bytes, streamed ? bytes.length : undefined);
    expect(result).toMatchObject({ version: 1, fileName: stored, mimeType: mime, sizeBytes: bytes.byteLength, sha256: sha256(bytes), duplicateOf: null });

    const version = await db.documentVersion.findUniqueOrThrow({ where: { id: result.versionId }, include: { document: true } });
    expect(version).toMatchObject({ firmId: a.firm.id, documentId: result.documentId, version: 1, fileName: stored, mimeType: mime, sizeBytes: bytes.byteLength, sha256: sha256(bytes), uploadedById: a.advisor.user.id, fromClient: false, duplicateOfId: null });
    expect(version.document).toMatchObject({ firmId: a.firm.id, clientId: amina.client.id, kind: 'PASSPORT', title: stored.replace(/\.[^.]+$/, '') });
    expect(await storedBytes(version.storageKey)).toEqual(Buffer.from(bytes));

    expect(await db.checklistItem.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'RECEIVED', documentId: result.documentId });
    expect(await db.caseDocument.count({ where: { caseId: kase.id, documentId: result.documentId } })).toBe(1);
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: 'DOCUMENT', payload: { path: ['versionId'], equals: result.versionId } } });
    expect(event).toMatchObject({ firmId: a.firm.id, visibility: 'CLIENT', actorId: a.advisor.user.id, payload: { action: 'uploaded', checklistItemId: target.id, fileName: stored } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'document.uploaded', entityId: result.documentId } });
    expect(audit).toMatchObject({ firmId: a.firm.id, actorKind: 'STAFF', actorUserId: a.advisor.user.id });
    expect(audit.diff).toMatchObject({ after: { caseId: kase.id, checklistItemId: target.id, versionId: result.versionId, version: 1, mimeType: mime, sha256: sha256(bytes) } });
    expect((await stat(uploadTmp)).isDirectory()).toBe(true);
    expect(await filesUnder(uploadTmp)).toEqual([]);
  });

  it('makes a second upload to the same item version 2 of the same document, keeping version 1 and its object', async () => {
    const target = await addItem(kase);
    const first = await send(amina.actor, { caseId: kase.id, checklistItemId: target.id }, 'passport.pdf', pdf());
    const second = await send(amina.actor, { caseId: kase.id, checklistItemId: target.id }, 'passport-better.png', png());
    expect(second).toMatchObject({ documentId: first.documentId, version: 2, fileName: 'passport-better.png' });
    // Staff may add a version to the document itself, without going through the item.
    const third = await send(a.assistant.actor, { caseId: kase.id, documentId: first.documentId }, 'passport-colour.pdf', pdf());
    expect(third).toMatchObject({ documentId: first.documentId, version: 3 });

    const versions = await db.documentVersion.findMany({ where: { documentId: first.documentId }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.id, v.version])).toEqual([[first.versionId, 1], [second.versionId, 2], [third.versionId, 3]]);
    for (const v of versions) expect(await storage.exists(v.storageKey)).toBe(true);
    expect(await db.document.count({ where: { id: first.documentId } })).toBe(1);
    expect(await db.checklistItem.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'RECEIVED', documentId: first.documentId });
  });

  it("flags the same bytes sent again for the same client, and not for another client", async () => {
    const bytes = pdf();
    const first = await send(amina.actor, { caseId: kase.id, checklistItemId: (await addItem(kase)).id }, 'passport.pdf', bytes);
    const again = await send(amina.actor, { caseId: kase.id, checklistItemId: (await addItem(kase)).id }, 'passeport.pdf', bytes);
    // Staff are told too, whoever sent the first copy.
    const byStaff = await send(a.advisor.actor, { caseId: kase.id, checklistItemId: (await addItem(kase)).id }, 'scan.pdf', bytes);
    expect(byStaff.duplicateOf).toMatchObject({ documentId: first.documentId });
    expect(again.duplicateOf).toEqual({ documentId: first.documentId, title: 'Passport', fileName: 'passport.pdf', version: 1 });
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: again.versionId } })).duplicateOfId).toBe(first.versionId);

    const elsewhere = await send(a.advisor.actor, { caseId: otherCase.id, checklistItemId: (await addItem(otherCase)).id }, 'passport.pdf', bytes);
    expect(elsewhere.duplicateOf).toBeNull();
    expect((await db.documentVersion.findUniqueOrThrow({ where: { id: elsewhere.versionId } })).duplicateOfId).toBeNull();
  });

  it('does not undo a review that landed while the file was still arriving, and removes the stored object again', async () => {
    const target = await addItem(kase);
    const first = await send(amina.actor, { caseId: kase.id, checklistItemId: target.id }, 'passport.pdf', pdf());
    const before = await everything(a.firm.id);
    let approved = false;
    // The advisor approves version 1 between the client's request being accepted and its last byte arriving.
    const body = new Readable({
      read() {
        if (approved) return;
        approved = true;
        reviewChecklistItem({ actor: a.advisor.actor, input: { itemId: target.id, decision: 'APPROVE' }, context: newContext() }).then(
          () => { this.push(pdf()); this.push(null); },
          (error: Error) => this.destroy(error),
        );
      },
    });
    // The real disk storage, noting what was put, to show the object was stored before the conflict and removed after.
    const puts: string[] = [];
    const watched: Storage = { ...storage, put: (key, ...rest) => (puts.push(key), storage.put(key, ...rest)) };
    const upload = uploadDocument({ actor: amina.actor, input: { caseId: kase.id, checklistItemId: target.id }, file: { name: 'passport-new.pdf', body }, context: newContext(), storage: watched });
    await expectAppError(upload, 'CONFLICT');
    expect(puts).toHaveLength(1);
    expect(await storage.exists(puts[0] ?? '')).toBe(false);

    expect(await db.checklistItem.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'APPROVED', documentId: first.documentId });
    expect(await db.documentVersion.count({ where: { documentId: first.documentId } })).toBe(1);
    const after = await everything(a.firm.id);
    expect({ stored: after.stored, temp: after.temp, versions: after.versions, documents: after.documents }).toEqual({ stored: before.stored, temp: [], versions: before.versions, documents: before.documents });
    // Only the review wrote: its audit row and its timeline entry.
    expect([after.audit, after.events]).toEqual([before.audit + 1, before.events + 1]);
  });

  it("keeps an advisor's file that answers no request off the client's timeline", async () => {
    const result = await send(a.advisor.actor, { caseId: kase.id, kind: 'OTHER' }, 'internal memo.pdf', pdf());
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, payload: { path: ['versionId'], equals: result.versionId } } });
    expect(event.visibility).toBe('INTERNAL');
    expect(await db.document.findUniqueOrThrow({ where: { id: result.documentId } })).toMatchObject({ kind: 'OTHER', title: 'internal memo' });
  });
});

describe('who may upload where', () => {
  it.each<ChecklistStatus>(['REQUESTED', 'REJECTED', 'RECEIVED'])('lets a client answer their own %s item from the portal', async (status) => {
    const target = await addItem(kase, status);
    const result = await send(amina.actor, { caseId: kase.id, checklistItemId: target.id }, 'passport.pdf', pdf());
    expect(await db.documentVersion.findUniqueOrThrow({ where: { id: result.versionId } })).toMatchObject({ fromClient: true, uploadedById: amina.portalUser.id });
    expect(await db.checklistItem.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'RECEIVED', documentId: result.documentId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'document.uploaded', entityId: result.documentId } });
    expect(audit).toMatchObject({ actorKind: 'CLIENT', actorUserId: amina.portalUser.id });
  });

  it('answers NOT_FOUND to a client for anything but an open request on their own case, reading nothing', async () => {
    const [notRequested, approved, othersItem, firmBItem] = await Promise.all([addItem(kase, 'NOT_REQUESTED'), addItem(kase, 'APPROVED'), addItem(otherCase), addItem(caseB)]);
    const mine = await send(a.advisor.actor, { caseId: kase.id, kind: 'PASSPORT' }, 'passport.pdf', pdf());
    const attempts: Record<string, unknown>[] = [
      { caseId: kase.id, checklistItemId: notRequested.id },
      { caseId: kase.id, checklistItemId: approved.id },
      { caseId: otherCase.id, checklistItemId: othersItem.id },
      { caseId: kase.id, checklistItemId: othersItem.id },
      { caseId: caseB.id, checklistItemId: firmBItem.id },
      { caseId: kase.id, checklistItemId: firmBItem.id },
      { caseId: kase.id, kind: 'PASSPORT' },
      { caseId: kase.id, documentId: mine.documentId },
    ];
    const before = [await everything(a.firm.id), await everything(b.firm.id)];
    for (const input of attempts) await expectAppError(send(amina.actor, input, 'passport.pdf', pdf()), 'NOT_FOUND');
    expect([await everything(a.firm.id), await everything(b.firm.id)]).toEqual(before);
  });

  it.each(['admin', 'advisor', 'assistant'] as const)('lets the %s of the firm upload', async (role) => {
    const target = await addItem(kase, 'NOT_REQUESTED');
    const result = await send(a[role].actor, { caseId: kase.id, checklistItemId: target.id }, 'passport.pdf', pdf());
    expect(await db.documentVersion.findUniqueOrThrow({ where: { id: result.versionId } })).toMatchObject({ uploadedById: a[role].user.id, fromClient: false });
  });

  it("answers NOT_FOUND to another firm's staff for this firm's case or item", async () => {
    const target = await addItem(kase);
    const before = [await everything(a.firm.id), await everything(b.firm.id)];
    await expectAppError(send(b.admin.actor, { caseId: kase.id, checklistItemId: target.id }, 'passport.pdf', pdf()), 'NOT_FOUND');
    await expectAppError(send(b.admin.actor, { caseId: kase.id, kind: 'PASSPORT' }, 'passport.pdf', pdf()), 'NOT_FOUND');
    await expectAppError(send(b.advisor.actor, { caseId: caseB.id, checklistItemId: target.id }, 'passport.pdf', pdf()), 'NOT_FOUND');
    expect([await everything(a.firm.id), await everything(b.firm.id)]).toEqual(before);
  });
});
