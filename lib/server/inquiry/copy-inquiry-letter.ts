import { createHash, randomUUID } from 'node:crypto';
import type { Storage } from '@/lib/storage/storage';

export type CopiedLetter = { documentId: string; versionId: string; storageKey: string; sizeBytes: number; sha256: string };

/**
 * A copy of the inquiry's letter under a document version's key (`<firmId>/<documentId>/<versionId>`), so the new
 * client's document and the inquiry each own their bytes: erasing one never takes the other's file. Its size and
 * SHA-256 are measured on the copy. Letters are capped by the upload limit, so one is read whole.
 */
export async function copyInquiryLetter(storage: Storage, firmId: string, letter: { storageKey: string; mimeType: string }): Promise<CopiedLetter> {
  const source = await storage.get(letter.storageKey);
  const bytes = new Uint8Array(Buffer.concat(await source.body.toArray()));
  const documentId = randomUUID();
  const versionId = randomUUID();
  const storageKey = `${firmId}/${documentId}/${versionId}`;
  await storage.put(storageKey, bytes, { contentType: letter.mimeType, size: bytes.byteLength });
  return { documentId, versionId, storageKey, sizeBytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
