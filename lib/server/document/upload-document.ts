import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb, type Tx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { DOCUMENT_KINDS } from '@/lib/rules/vocabulary';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { syncDocumentDeadlines } from '@/lib/server/deadline/sync-document-deadlines';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { receiveUpload, type UploadBody } from './receive-upload';
import { cleanFileName, isAccepted, refusalFor, withExtension } from './upload-rules';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const ZUploadDocument = z.object({
  caseId: z.string().min(1).max(64),
  // The request it answers: the usual way, and the only one open to clients.
  checklistItemId: optional(z.string().min(1).max(64)),
  // A new version of a document the client already has (staff only).
  documentId: optional(z.string().min(1).max(64)),
  // For a document that answers no request (staff only).
  kind: optional(z.enum(DOCUMENT_KINDS)),
});

// Clients may send a file for what was asked of them, again after a rejection, or replace one not yet reviewed.
// Only items the advisor asked for: one staff filed without a request is not the client's to replace.
const CLIENT_UPLOADABLE_WHERE = { status: { in: ['REQUESTED', 'REJECTED', 'RECEIVED'] as ('REQUESTED' | 'REJECTED' | 'RECEIVED')[] }, requestedAt: { not: null } };

type Target = { caseId: string; clientId: string; itemId: string | null; documentId: string | null; kind: (typeof DOCUMENT_KINDS)[number]; title: string | null };

async function findTarget(actor: Actor, input: z.output<typeof ZUploadDocument>): Promise<Target> {
  const db = getDb();
  const kase = await db.case.findFirst({
    where: { id: input.caseId, firmId: actor.firmId, deletedAt: null, ...(actor.kind === 'client' ? { clientId: actor.clientId, closedAt: null } : {}) },
    select: { id: true, clientId: true },
  });
  if (!kase) throw new AppError('NOT_FOUND');
  if (input.checklistItemId) {
    const item = await db.checklistItem.findFirst({
      where: { id: input.checklistItemId, caseId: kase.id, firmId: actor.firmId, ...(actor.kind === 'client' ? CLIENT_UPLOADABLE_WHERE : {}) },
      select: { id: true, documentId: true, documentKind: true, label: true },
    });
    if (!item) throw new AppError('NOT_FOUND');
    return { caseId: kase.id, clientId: kase.clientId, itemId: item.id, documentId: item.documentId, kind: item.documentKind, title: item.label };
  }
  if (actor.kind === 'client') throw new AppError('NOT_FOUND');
  if (input.documentId) {
    const document = await db.document.findFirst({ where: { id: input.documentId, firmId: actor.firmId, clientId: kase.clientId, deletedAt: null }, select: { id: true, kind: true, title: true } });
    if (!document) throw new AppError('NOT_FOUND');
    return { caseId: kase.id, clientId: kase.clientId, itemId: null, documentId: document.id, kind: document.kind, title: document.title };
  }
  if (!input.kind) throw new AppError('VALIDATION', { message: 'kind required without a checklist item', details: { fieldErrors: { kind: ['required'] } } });
  return { caseId: kase.id, clientId: kase.clientId, itemId: null, documentId: null, kind: input.kind, title: null };
}

async function nextVersion(tx: Tx, firmId: string, documentId: string): Promise<number> {
  const latest = await tx.documentVersion.aggregate({ where: { documentId, firmId }, _max: { version: true } });
  return (latest._max.version ?? 0) + 1;
}

/**
 * Stores one uploaded file for a case, from the case page or the client portal. Order matters for "nothing
 * orphaned": the bytes are checked in a temporary file, then stored, then recorded in one transaction with the
 * checklist status, the timeline and the audit row; if recording fails the stored object is removed again.
 */
export type UploadHooks<I, W> = {
  /** Reads the received file before anything is stored; throwing refuses the upload with nothing kept. */
  inspect?: (file: { path: string; mimeType: string }) => Promise<I>;
  /** Runs in the upload's transaction, so what it writes lands with the document or not at all. */
  within?: (tx: Tx, stored: { documentId: string; versionId: string; caseId: string; clientId: string; fileName: string; inspected: I }) => Promise<W>;
};

export async function uploadDocument<I = undefined, W = undefined>({ actor, input, file, context, storage = getStorage(), hooks = {} }: {
  actor: Actor;
  input: unknown;
  file: { name: string; body: UploadBody; declaredSize?: number };
  context: RequestContext;
  storage?: Storage;
  hooks?: UploadHooks<I, W>;
}) {
  if (actor.kind === 'staff') assertCan(actor, 'document.upload');
  const parsed = parseInput(ZUploadDocument, input);
  const cleanName = cleanFileName(file.name);
  const target = await findTarget(actor, parsed);

  const config = env();
  const received = await receiveUpload(file.body, { tmpDir: path.join(config.DATA_DIR, 'tmp', 'uploads'), maxBytes: config.UPLOAD_MAX_BYTES, declaredSize: file.declaredSize });
  const documentId = target.documentId ?? randomUUID();
  const versionId = randomUUID();
  const storageKey = `${actor.firmId}/${documentId}/${versionId}`;
  let stored = false;
  try {
    const type = await fileTypeFromFile(received.path);
    if (!isAccepted(type?.mime)) throw refusalFor(type?.mime);
    const mimeType = type.mime;
    const fileName = withExtension(cleanName, mimeType);
    const inspected = (hooks.inspect ? await hooks.inspect({ path: received.path, mimeType }) : undefined) as I;
    await storage.put(storageKey, createReadStream(received.path), { contentType: mimeType, size: received.size });
    stored = true;

    const result = await getDb().$transaction(async (tx) => {
      if (!target.documentId) {
        await tx.document.create({ data: { id: documentId, firmId: actor.firmId, clientId: target.clientId, kind: target.kind, title: target.title ?? fileName.replace(/\.[^.]+$/, '') } });
      }
      const duplicate = await tx.documentVersion.findFirst({
        where: { firmId: actor.firmId, sha256: received.sha256, document: { clientId: target.clientId, deletedAt: null } },
        orderBy: { uploadedAt: 'asc' },
        select: { id: true, fileName: true, version: true, fromClient: true, uploadedById: true, document: { select: { id: true, title: true } } },
      });
      const version = await tx.documentVersion.create({
        data: {
          id: versionId, firmId: actor.firmId, documentId, version: await nextVersion(tx, actor.firmId, documentId), storageKey, fileName, mimeType,
          sizeBytes: received.size, sha256: received.sha256, uploadedById: actor.userId, fromClient: actor.kind === 'client', duplicateOfId: duplicate?.id ?? null,
        },
      });
      await tx.caseDocument.createMany({ data: [{ firmId: actor.firmId, caseId: target.caseId, documentId }], skipDuplicates: true });
      // A passport already on file brings its expiry date to this case too.
      if (target.documentId) await syncDocumentDeadlines(tx, actor.firmId, documentId);
      if (target.itemId) {
        // The status guard is repeated in the write, so a review that landed meanwhile is not silently undone.
        const moved = await tx.checklistItem.updateMany({
          // The document guard too: an attach or another first upload that landed meanwhile is not silently undone.
          where: { id: target.itemId, firmId: actor.firmId, documentId: target.documentId, ...(actor.kind === 'client' ? CLIENT_UPLOADABLE_WHERE : {}) },
          data: { documentId, status: 'RECEIVED', rejectionReason: null, reviewedAt: null, reviewedById: null },
        });
        if (moved.count !== 1) throw new AppError('CONFLICT');
      }
      if (target.documentId) {
        // The document may serve other cases (reused): their approval was of bytes this version replaces.
        await tx.checklistItem.updateMany({
          where: { firmId: actor.firmId, documentId, status: 'APPROVED', ...(target.itemId ? { id: { not: target.itemId } } : {}) },
          data: { status: 'RECEIVED', reviewedAt: null, reviewedById: null },
        });
      }
      // The client's timeline names only files the client can open (openDocumentVersion): what they sent, or what answers
      // an item of their case; an advisor's memo filed without a request stays internal.
      const clientSees = actor.kind === 'client' || (await tx.checklistItem.count({ where: { documentId, firmId: actor.firmId, requestedAt: { not: null }, case: { clientId: target.clientId, deletedAt: null } } })) > 0;
      await tx.caseEvent.create({
        data: { firmId: actor.firmId, caseId: target.caseId, type: 'DOCUMENT', actorId: actor.userId, visibility: clientSees ? 'CLIENT' : 'INTERNAL', payload: { action: 'uploaded', documentId, versionId, checklistItemId: target.itemId, fileName } },
      });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: actor.kind, userId: actor.userId }, action: 'document.uploaded', entity: 'document', entityId: documentId, context,
        after: { caseId: target.caseId, checklistItemId: target.itemId, versionId, version: version.version, fileName, mimeType, sizeBytes: received.size, sha256: received.sha256, duplicateOfId: duplicate?.id ?? null },
      });
      const extra = (hooks.within ? await hooks.within(tx, { documentId, versionId, caseId: target.caseId, clientId: target.clientId, fileName, inspected }) : undefined) as W;
      return {
        extra,
        documentId, versionId, version: version.version, fileName, mimeType, sizeBytes: received.size, sha256: received.sha256,
        // A client is told only of their own earlier upload: the title of a file the advisor filed may be internal.
        duplicateOf: duplicate && (actor.kind === 'staff' || (duplicate.fromClient && duplicate.uploadedById === actor.userId)) ? { documentId: duplicate.document.id, title: duplicate.document.title, fileName: duplicate.fileName, version: duplicate.version } : null,
      };
    });
    return result;
  } catch (error) {
    if (stored) await storage.delete(storageKey).catch(() => {});
    // Two uploads raced for the same version number: the second is told to try again, nothing is half-saved.
    if ((error as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', { message: 'concurrent upload' });
    throw error;
  } finally {
    await rm(received.path, { force: true });
  }
}
