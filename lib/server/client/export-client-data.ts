import type { Readable } from 'node:stream';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toJsonValue } from '@/lib/server/audit/audit-diff';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { CLIENT_DATA_TABLES, collectClientData, OMITTED_FIELDS, OTHER_TABLES, type ClientData, type ClientFile } from './client-data-rows';
import { clientExportZip, type ExportFile, type PackedFile } from './client-export-zip';

// GDPR art. 15 and 20: everything the firm's Sejour holds on one client, as one ZIP for the admin to hand over.

export const EXPORT_FORMAT = 'sejour-client-export/1';
export const OMITTED_LINKS = '[omitted: sign-in token]';

const safe = (value: string) => value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'file';

// A portal invitation or magic-link email still holds a working sign-in link: whoever reads the export must not
// be able to sign in as the client with it.
// A booking confirmation's manage link cancels or moves the consultation: left out the same way.
const withoutLinks = (text: string) =>
  text
    .replace(/([?&]token=)[^&"'\s<>]+/g, `$1${OMITTED_LINKS}`)
    .replace(/(\/invitations\/)[A-Za-z0-9_%-]+/g, `$1${OMITTED_LINKS}`)
    .replace(/(\/booking\/)[A-Za-z0-9_%.~-]+/g, `$1${OMITTED_LINKS}`);

// Sign-in emails are keyed by the hash of their token (the VerificationToken row's own key): left out like it.
const withoutTokenHash = (key: string) => key.replace(/^(portal-invitation|magic-link):[0-9a-f]{64}$/, `$1:${OMITTED_LINKS}`);

function exportRows(data: ClientData) {
  return Object.fromEntries(
    CLIENT_DATA_TABLES.map((table) => {
      const rows = data.tables[table].map((row) => {
        if (table !== 'EmailOutbox') return toJsonValue(row);
        const { attachments: _attachments, ...email } = row as { key: string; html: string; text: string; attachments?: unknown };
        return toJsonValue({ ...email, key: withoutTokenHash(email.key), html: withoutLinks(email.html), text: withoutLinks(email.text) });
      });
      return [table, rows];
    }),
  );
}

const FOLDER: Record<ClientFile['source'], string> = { DocumentVersion: '', AppealFiling: 'appeal-packets/', Inquiry: 'inquiry-letters/', FeeNote: 'fee-notes/' };
const filePath = (file: ClientFile) => `files/${FOLDER[file.source]}${file.id}-${safe(file.fileName)}`;

/**
 * Streams the ZIP of everything held on the client: index.json (every row about them, by table, secrets left
 * out, and each stored file with its SHA-256) and files/ with the bytes of every document version and appeal
 * packet. The rows are read in one snapshot; the disclosure is audited before the first byte leaves.
 */
export async function exportClientData({ actor, clientId, context, storage = getStorage() }: { actor: StaffActor; clientId: string; context: RequestContext; storage?: Storage }): Promise<{ fileName: string; stream: Readable }> {
  assertCan(actor, 'client.export');
  const db = getDb();
  const snapshot = await db.$transaction(
    async (tx) => {
      const data = await collectClientData(tx, actor.firmId, clientId, 'export');
      const firm = await tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { id: true, name: true } });
      return data ? { data, firm } : null;
    },
    { isolationLevel: 'RepeatableRead', timeout: 60_000 },
  );
  if (!snapshot) throw new AppError('NOT_FOUND');
  const { data, firm } = snapshot;
  // An export missing a number the firm holds would be an incomplete answer to the request: refused instead.
  if (data.identity.unreadable.length) {
    throw new AppError('INTERNAL', { message: `client export refused: ${data.identity.unreadable.join(', ')} could not be decrypted (check DATA_ENCRYPTION_KEYS)` });
  }
  const counts = Object.fromEntries(CLIENT_DATA_TABLES.map((table) => [table, data.tables[table].length]));
  // Committed before a byte is sent: an export cut off later was still a disclosure.
  await db.$transaction((tx) =>
    recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'client.exported', entity: 'client', entityId: clientId, after: { rows: counts, files: data.files.length }, context }),
  );

  const files: ExportFile[] = data.files.map((file) => ({ path: filePath(file), storageKey: file.storageKey, date: file.date, recordedSha256: file.sha256 }));
  const sources = new Map(data.files.map((file) => [file.storageKey, file]));
  const exportedAt = new Date().toISOString();
  const index = (packed: PackedFile[]) => ({
    format: EXPORT_FORMAT,
    exportedAt,
    firm,
    client: { id: data.client.id, fileNumber: data.client.fileNumber },
    omitted: {
      fields: OMITTED_FIELDS,
      identityNumbers: 'Client and Inquiry hold the national register and passport numbers in clear; their stored ciphertexts and lookup hashes are left out, as are those of OtherParty (the number of someone else)',
      emailLinks: `sign-in and invitation links in EmailOutbox html and text, and the token hash in the key of sign-in emails, are replaced by "${OMITTED_LINKS}"`,
    },
    notAboutClients: OTHER_TABLES,
    files: packed.map((file) => ({ ...file, table: sources.get(file.storageKey)?.source, id: sources.get(file.storageKey)?.id })),
    tables: exportRows(data),
  });
  return { fileName: `GDPR-${safe(data.client.fileNumber)}.zip`, stream: clientExportZip({ files, storage, index }) };
}
