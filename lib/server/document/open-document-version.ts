import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { PREVIEWABLE } from './upload-rules';

/**
 * Where a client may read a file: what they sent themselves, and what answers a document asked of them on one
 * of their own cases. Everything else (another client's papers, a memo the advisor filed) does not exist for them.
 */
function clientScope(actor: Extract<Actor, { kind: 'client' }>): Prisma.DocumentVersionWhereInput {
  return {
    document: { clientId: actor.clientId, deletedAt: null },
    OR: [
      { fromClient: true, uploadedById: actor.userId },
      { document: { checklist: { some: { requestedAt: { not: null }, case: { clientId: actor.clientId, deletedAt: null } } } } },
    ],
  };
}

/**
 * Opens one stored version for download, scoped by firm (and, for a client, by their own record) inside the
 * query, and records the download. Not found and not allowed look the same from outside.
 */
export async function openDocumentVersion({ actor, versionId, inline = false, context, storage = getStorage() }: {
  actor: Actor;
  versionId: string;
  inline?: boolean;
  context: RequestContext;
  storage?: Storage;
}) {
  if (actor.kind === 'staff') assertCan(actor, 'document.read');
  const db = getDb();
  const version = await db.documentVersion.findFirst({
    where: { id: versionId, firmId: actor.firmId, ...(actor.kind === 'client' ? clientScope(actor) : { document: { deletedAt: null } }) },
    select: { id: true, documentId: true, version: true, storageKey: true, fileName: true, mimeType: true, sizeBytes: true },
  });
  if (!version) throw new AppError('NOT_FOUND');
  const object = await storage.get(version.storageKey);
  const disposition = inline && PREVIEWABLE.has(version.mimeType) ? 'inline' : 'attachment';
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: actor.kind, userId: actor.userId }, action: 'document.downloaded', entity: 'document', entityId: version.documentId, context,
        after: { versionId: version.id, version: version.version, disposition },
      }),
    );
  } catch (error) {
    object.body.destroy();
    throw error;
  }
  return { body: object.body, size: object.size, fileName: version.fileName, mimeType: version.mimeType, disposition } as const;
}
