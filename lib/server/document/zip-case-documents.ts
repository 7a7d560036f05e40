import { createHash } from 'node:crypto';
import path from 'node:path';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { streamingZip } from '@/lib/documents/streaming-zip';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';

// A case's documents as one ZIP, named and numbered the way the file goes to the commune or the Office.
// The archive is built while it is sent: one stored object is open at a time and backpressure from the
// download reaches the storage read, so a case with hundreds of megabytes of scans never sits in memory.

type ZipEntry = { documentId: string; versionId: string; fileName: string; storageKey: string; sizeBytes: number; sha256: string; date: Date };

const MAX_TITLE_LENGTH = 80;
// Titles sort the way a Belgian reader expects: "Écrit" among the E, not after "Zèbre"; "Fiche 2" before "Fiche 10".
const byTitle = new Intl.Collator('fr-BE', { sensitivity: 'base', numeric: true });

/** ASCII only, so the name survives every file system, mail gateway and filing portal unchanged. */
function filenameSafe(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // A leading dot hides the file on Unix; trailing dots and dashes are dropped by Windows or look broken.
    .replace(/^[-.]+|[-.]+$/g, '');
}

function entryName(position: number, width: number, title: string, versionFileName: string): string {
  const stem = filenameSafe(title).slice(0, MAX_TITLE_LENGTH).replace(/[-.]+$/, '') || 'document';
  const ext = filenameSafe(path.extname(versionFileName).slice(1)).toLowerCase();
  // The number prefix is unique per entry, so names cannot collide even when two titles are the same.
  return `${String(position).padStart(width, '0')}-${stem}${ext ? `.${ext}` : ''}`;
}

export async function zipCaseDocuments({
  actor,
  caseId,
  context,
  storage,
}: {
  actor: StaffActor;
  caseId: string;
  context: RequestContext;
  storage?: Storage;
}): Promise<{ fileName: string; stream: Readable }> {
  assertCan(actor, 'document.read');
  const { fileName, entries } = await loadEntries(actor, caseId);
  const files = entries.map(({ documentId, versionId, fileName: name }) => ({ documentId, versionId, fileName: name }));
  // Committed before a byte is sent: a download that is cut off later was still a disclosure of these files.
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'case.documents_downloaded',
      entity: 'case',
      entityId: caseId,
      after: { files, count: files.length },
      context,
    }),
  );
  return { fileName, stream: zipStream(entries, storage ?? getStorage()) };
}

// Read outside the audit transaction: under READ COMMITTED a transaction gives these queries no common snapshot
// anyway, and inside one Prisma's parallel relation queries trip pg's "client is already executing a query" warning.
async function loadEntries(actor: StaffActor, caseId: string): Promise<{ fileName: string; entries: ZipEntry[] }> {
  const kase = await getDb().case.findFirst({
    where: { id: caseId, firmId: actor.firmId, deletedAt: null },
    select: {
      clientId: true,
      client: { select: { fileNumber: true, lastName: true } },
      checklist: { where: { documentId: { not: null } }, select: { documentId: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
      documents: {
        where: { firmId: actor.firmId, document: { firmId: actor.firmId, deletedAt: null } },
        select: {
          document: {
            select: {
              id: true,
              clientId: true,
              title: true,
              versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, storageKey: true, fileName: true, sizeBytes: true, sha256: true, uploadedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!kase) throw new AppError('NOT_FOUND');

  // A document answering several items sits at its first one.
  const checklistRank = new Map<string, number>();
  kase.checklist.forEach((item, index) => {
    if (item.documentId && !checklistRank.has(item.documentId)) checklistRank.set(item.documentId, index);
  });
  // Documents belong to the case's client (uploads and attachments only ever link those); a stray link to
  // someone else's document must not put their papers in this client's file. A document without a version
  // has no bytes to file and is left out rather than failing the whole download.
  const documents = kase.documents
    .map(({ document }) => document)
    .filter((document) => document.clientId === kase.clientId && document.versions.length > 0);
  documents.sort((a, b) => {
    const rankA = checklistRank.get(a.id) ?? Infinity;
    const rankB = checklistRank.get(b.id) ?? Infinity;
    if (rankA !== rankB) return rankA - rankB;
    return byTitle.compare(a.title, b.title) || (a.id < b.id ? -1 : 1);
  });
  if (documents.length === 0) throw new AppError('VALIDATION', { message: `case ${caseId} has no documents to zip`, userMessage: 'documents.zip.empty' });

  const width = Math.max(2, String(documents.length).length);
  const entries = documents.map((document, index): ZipEntry => {
    const [version] = document.versions;
    if (!version) throw new AppError('INTERNAL', { message: `document ${document.id} lost its version` });
    return {
      documentId: document.id,
      versionId: version.id,
      fileName: entryName(index + 1, width, document.title, version.fileName),
      storageKey: version.storageKey,
      sizeBytes: version.sizeBytes,
      sha256: version.sha256,
      date: version.uploadedAt,
    };
  });
  const { fileNumber, lastName } = kase.client;
  return { fileName: `${filenameSafe(`REQ-${fileNumber}-${lastName}`) || 'REQ'}.zip`, entries };
}

/** Passes the bytes through and fails at the end unless they are exactly the ones recorded at upload. */
function verifyBytes(entry: ZipEntry): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const digest = hash.digest('hex');
      if (size === entry.sizeBytes && digest === entry.sha256) callback();
      else callback(new Error(`stored object ${entry.storageKey} does not match version ${entry.versionId} (${size} bytes, expected ${entry.sizeBytes})`));
    },
  });
}

// Any failure destroys the returned stream with the error. Ending it instead would hand the browser a short
// file, or worse a well-formed ZIP missing a document, and the advisor would file an incomplete dossier.
function zipStream(entries: ZipEntry[], storage: Storage): Readable {
  const { archive, output, fail, appendStream } = streamingZip('zip download stopped');

  const feed = async () => {
    for (const entry of entries) {
      if (output.destroyed) return;
      const { body } = await storage.get(entry.storageKey);
      if (output.destroyed) {
        body.destroy();
        return;
      }
      const source = pipeline(body, verifyBytes(entry), (error) => {
        if (error) fail(error);
      });
      // One object at a time: the next is opened only after this one has been read to its end.
      await appendStream(source, entry.fileName, entry.date);
    }
    await archive.finalize();
  };
  feed().catch(fail);
  return output;
}
