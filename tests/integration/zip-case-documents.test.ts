import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { Case, Client, Firm } from '@/lib/generated/prisma/client';
import type { DocumentKind } from '@/lib/generated/prisma/enums';
import { createLocalStorage } from '@/lib/storage/local-storage';
import type { Storage } from '@/lib/storage/storage';
import { setupTestDatabase } from './support/test-database';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { zipCaseDocuments } = await import('@/lib/server/document/zip-case-documents');

// The archive is read back with the system's Info-ZIP unzip, a reader that shares no code with archiver.
const run = promisify(execFile);
const db = getDb();
const root = await mkdtemp(path.join(tmpdir(), 'sejour-zip-'));
const storage = createLocalStorage(path.join(root, 'files'));
afterAll(() => rm(root, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (label: string) => new TextEncoder().encode(`${label} ${unique()}\n`.repeat(50));

type Doc = { id: string; versions: { id: string; storageKey: string; bytes: Uint8Array }[] };

/** A document of the client with its versions stored for real (oldest first), linked to the given cases. */
async function addDocument(
  firm: Firm,
  client: Client,
  options: { title: string; files: string[]; cases?: Case[]; kind?: DocumentKind; deletedAt?: Date; randomBytes?: number },
): Promise<Doc> {
  const document = await db.document.create({ data: { firmId: firm.id, clientId: client.id, kind: options.kind ?? 'OTHER', title: options.title, deletedAt: options.deletedAt ?? null } });
  const versions: Doc['versions'] = [];
  for (const [index, fileName] of options.files.entries()) {
    const id = `v${unique()}`;
    const storageKey = `${firm.id}/${document.id}/${id}`;
    const bytes = options.randomBytes ? new Uint8Array(randomBytes(options.randomBytes)) : bytesOf(`${options.title} v${index + 1}`);
    await storage.put(storageKey, bytes, { contentType: 'application/octet-stream', size: bytes.byteLength });
    await db.documentVersion.create({
      data: { id, firmId: firm.id, documentId: document.id, version: index + 1, storageKey, fileName, mimeType: 'application/octet-stream', sizeBytes: bytes.byteLength, sha256: sha256(bytes) },
    });
    versions.push({ id, storageKey, bytes });
  }
  for (const kase of options.cases ?? []) await db.caseDocument.create({ data: { firmId: firm.id, caseId: kase.id, documentId: document.id } });
  return { id: document.id, versions };
}

const addItem = (firm: Firm, kase: Case, position: number, document?: Doc) =>
  db.checklistItem.create({ data: { firmId: firm.id, caseId: kase.id, documentKind: 'OTHER', position, documentId: document?.id ?? null, status: document ? 'RECEIVED' : 'REQUESTED' } });

const latest = (doc: Doc) => {
  const version = doc.versions.at(-1);
  if (!version) throw new Error('a document without versions');
  return version;
};

/** Writes the stream to disk, checks it with `unzip -t`, and reads entries back by name. */
async function readZip(stream: Readable) {
  const file = path.join(root, `${unique()}.zip`);
  await pipeline(stream, createWriteStream(file));
  await run('unzip', ['-tq', file]);
  const { stdout } = await run('zipinfo', ['-1', file]);
  return {
    names: stdout.split('\n').filter(Boolean),
    read: async (name: string) => new Uint8Array((await run('unzip', ['-p', file, name], { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout),
  };
}

/** Delegates to the real storage, recording how many objects are open at once. */
function watchedStorage(inner: Storage) {
  const seen = { open: 0, maxOpen: 0, gets: 0, bodies: [] as Readable[] };
  const watched: Storage = {
    ...inner,
    async get(key) {
      const object = await inner.get(key);
      seen.gets += 1;
      seen.open += 1;
      seen.maxOpen = Math.max(seen.maxOpen, seen.open);
      let closed = false;
      const done = () => {
        if (!closed) seen.open -= 1;
        closed = true;
      };
      object.body.once('end', done).once('close', done);
      seen.bodies.push(object.body);
      return object;
    },
  };
  return { storage: watched, seen };
}

let a: FirmWithStaff;
let b: FirmWithStaff;
let client: Client;
let kase: Case;
let docs: Record<'passport' | 'birth' | 'insurance' | 'payslip1' | 'payslip2' | 'contract', Doc>;
let strangers: Doc[];

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Zip A'), createFirmWithStaff('Zip B')]);
  client = await db.client.update({ where: { id: (await createClient(a.firm)).client.id }, data: { lastName: 'Çelik Van den Bôsch' } });
  kase = await createCase(a.firm, client);
  const otherCase = await createCase(a.firm, client);
  const { client: otherClient } = await createClient(a.firm);
  const otherClientCase = await createCase(a.firm, otherClient);

  const on = [kase];
  docs = {
    passport: await addDocument(a.firm, client, { title: 'Passeport', kind: 'PASSPORT', files: ['old-scan.png', 'passeport final.PDF'], cases: on }),
    birth: await addDocument(a.firm, client, { title: 'Acte de naissance (légalisé)', files: ['acte.JPG'], cases: on }),
    contract: await addDocument(a.firm, client, { title: 'Zèbre — contrat', files: ['contrat.docx'], cases: on }),
    insurance: await addDocument(a.firm, client, { title: "Attestation d'assurance", files: ['mutuelle.pdf'], cases: on }),
    payslip1: await addDocument(a.firm, client, { title: 'Fiche de paie', files: ['janvier.pdf'], cases: on }),
    payslip2: await addDocument(a.firm, client, { title: 'Fiche de paie', files: ['fevrier.pdf'], cases: on }),
  };
  // Created out of position order, one item with nothing yet, and the passport answering two items.
  await addItem(a.firm, kase, 2, docs.birth);
  await addItem(a.firm, kase, 0, docs.passport);
  await addItem(a.firm, kase, 1);
  await addItem(a.firm, kase, 3, docs.passport);

  strangers = [
    await addDocument(a.firm, client, { title: 'Only on the other case', files: ['x.pdf'], cases: [otherCase] }),
    await addDocument(a.firm, client, { title: 'Deleted', files: ['x.pdf'], cases: on, deletedAt: new Date() }),
    await addDocument(a.firm, client, { title: 'Not linked at all', files: ['x.pdf'] }),
    // Another client's document, even wrongly linked to this case, is theirs.
    await addDocument(a.firm, otherClient, { title: 'Other client', files: ['x.pdf'], cases: [otherClientCase, kase] }),
  ];
});

describe('zipping a case', () => {
  it('names the ZIP for filing and numbers the latest version of each document in checklist order, then by title', async () => {
    const { storage: watched, seen } = watchedStorage(storage);
    const { fileName, stream } = await zipCaseDocuments({ actor: a.assistant.actor, caseId: kase.id, context: newContext(), storage: watched });
    expect(fileName).toBe(`REQ-${client.fileNumber}-Celik-Van-den-Bosch.zip`);

    const zip = await readZip(stream);
    const [firstSlip, secondSlip] = [docs.payslip1, docs.payslip2].sort((x, y) => (x.id < y.id ? -1 : 1));
    const expected: [string, Doc | undefined][] = [
      ['01-Passeport.pdf', docs.passport],
      ['02-Acte-de-naissance-legalise.jpg', docs.birth],
      ['03-Attestation-d-assurance.pdf', docs.insurance],
      ['04-Fiche-de-paie.pdf', firstSlip],
      ['05-Fiche-de-paie.pdf', secondSlip],
      ['06-Zebre-contrat.docx', docs.contract],
    ];
    expect(zip.names).toEqual(expected.map(([name]) => name));
    for (const [name, doc] of expected) {
      if (!doc) throw new Error(`no document for ${name}`);
      expect(await zip.read(name), name).toEqual(latest(doc).bytes);
    }
    expect(await zip.read('01-Passeport.pdf')).not.toEqual(docs.passport.versions[0]?.bytes);
    // Streamed: one stored object open at a time, each read once.
    expect(seen).toMatchObject({ gets: 6, maxOpen: 1, open: 0 });
  });

  it('stops reading storage and closes the open object when the download is cancelled', async () => {
    const big = await createCase(a.firm, client);
    // Incompressible and larger than every buffer on the way, so the archive cannot run ahead of a reader that
    // takes only its first chunk and reach the third object on its own.
    for (const title of ['One', 'Two', 'Three']) await addDocument(a.firm, client, { title, files: ['scan.pdf'], cases: [big], randomBytes: 4 << 20 });
    const { storage: watched, seen } = watchedStorage(storage);
    const { stream } = await zipCaseDocuments({ actor: a.advisor.actor, caseId: big.id, context: newContext(), storage: watched });
    // take() stops iterating after one chunk, which destroys the stream the way a closed connection does.
    const [chunk] = await stream.take(1).toArray();
    expect(chunk).toBeDefined();
    expect(stream.destroyed).toBe(true);
    await Promise.allSettled(seen.bodies.map((body) => finished(body)));
    expect(seen.gets).toBeLessThan(3);
    expect(seen.open).toBe(0);
    expect(seen.bodies.every((body) => body.destroyed)).toBe(true);
  });

  it('leaves out documents of other cases, other clients, unlinked and deleted ones', async () => {
    const { storage: watched, seen } = watchedStorage(storage);
    const zip = await readZip((await zipCaseDocuments({ actor: a.advisor.actor, caseId: kase.id, context: newContext(), storage: watched })).stream);
    expect(zip.names).toHaveLength(6);
    expect(zip.names.join(' ')).not.toMatch(/other|deleted|linked/i);
    expect(seen.gets).toBe(6);
    const stored = await db.documentVersion.findMany({ where: { documentId: { in: strangers.map((doc) => doc.id) } }, select: { id: true } });
    expect(stored).toHaveLength(strangers.length);
  });

  it('records who downloaded which versions under which names, before streaming', async () => {
    const before = await db.auditLog.count({ where: { action: 'case.documents_downloaded', entityId: kase.id } });
    const context = newContext();
    const { stream } = await zipCaseDocuments({ actor: a.advisor.actor, caseId: kase.id, context, storage });
    const rows = await db.auditLog.findMany({ where: { action: 'case.documents_downloaded', entityId: kase.id }, orderBy: { id: 'desc' } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ firmId: a.firm.id, entity: 'case', actorKind: 'STAFF', actorUserId: a.advisor.user.id, ip: context.ip });
    const diff = rows[0]?.diff as { after: { count: number; files: { documentId: string; versionId: string; fileName: string }[] } };
    expect(diff.after.count).toBe(6);
    expect(diff.after.files[0]).toEqual({ documentId: docs.passport.id, versionId: latest(docs.passport).id, fileName: '01-Passeport.pdf' });
    expect(diff.after.files.map((file) => file.fileName)).toEqual((await readZip(stream)).names);
  });
});

describe('refusals', () => {
  it("answers NOT_FOUND to another firm's advisor, for a deleted case and an unknown id, and records nothing", async () => {
    const deleted = await createCase(a.firm, client, { deletedAt: new Date() });
    await addDocument(a.firm, client, { title: 'On a deleted case', files: ['x.pdf'], cases: [deleted] });
    const audit = () => db.auditLog.count({ where: { action: 'case.documents_downloaded' } });
    const before = await audit();
    await expectAppError(zipCaseDocuments({ actor: b.advisor.actor, caseId: kase.id, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(zipCaseDocuments({ actor: a.advisor.actor, caseId: deleted.id, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(zipCaseDocuments({ actor: a.advisor.actor, caseId: 'no-such-case', context: newContext(), storage }), 'NOT_FOUND');
    expect(await audit()).toBe(before);
  });

  it('is refused to a portal client, even for their own case', async () => {
    const portal = await createClient(a.firm, { withPortal: true });
    const own = await createCase(a.firm, portal.client);
    await addDocument(a.firm, portal.client, { title: 'Mine', files: ['x.pdf'], cases: [own] });
    await expectAppError(zipCaseDocuments({ actor: portal.actor as unknown as StaffActor, caseId: own.id, context: newContext(), storage }), 'FORBIDDEN');
  });

  it('says there is nothing to download for a case whose only linked document is deleted, and records nothing', async () => {
    const empty = await createCase(a.firm, client);
    await addItem(a.firm, empty, 0);
    await addDocument(a.firm, client, { title: 'Deleted', files: ['x.pdf'], cases: [empty], deletedAt: new Date() });
    const error = await expectAppError(zipCaseDocuments({ actor: a.advisor.actor, caseId: empty.id, context: newContext(), storage }), 'VALIDATION');
    expect(error.userMessage).toBe('documents.zip.empty');
    expect(await db.auditLog.count({ where: { entityId: empty.id } })).toBe(0);
  });
});

describe('a storage failure during the download', () => {
  const zipWith = async (damage: (second: Doc) => Promise<void>) => {
    const broken = await createCase(a.firm, client);
    const first = await addDocument(a.firm, client, { title: 'First', files: ['a.pdf'], cases: [broken] });
    const second = await addDocument(a.firm, client, { title: 'Second', files: ['b.pdf'], cases: [broken] });
    await addItem(a.firm, broken, 0, first);
    await damage(second);
    const { stream } = await zipCaseDocuments({ actor: a.advisor.actor, caseId: broken.id, context: newContext(), storage });
    const file = path.join(root, `${unique()}.zip`);
    const outcome = await pipeline(stream, createWriteStream(file)).then(
      () => null,
      (error: unknown) => error,
    );
    // Whatever reached the disk is not a ZIP any reader would accept as complete.
    await expect(run('unzip', ['-tq', file])).rejects.toThrow();
    return outcome;
  };

  it('errors the stream when an object is missing, instead of ending it as a shorter valid ZIP', async () => {
    const error = await zipWith((second) => storage.delete(latest(second).storageKey));
    expect(error).toMatchObject({ name: 'AppError', code: 'NOT_FOUND' });
  });

  it('errors the stream when the stored bytes are not the ones recorded for the version', async () => {
    const error = await zipWith(async (second) => {
      const { storageKey, bytes } = latest(second);
      await storage.put(storageKey, bytes.slice(0, 100), { contentType: 'application/octet-stream' });
    });
    expect(String(error)).toMatch(/does not match version/);
  });
});
