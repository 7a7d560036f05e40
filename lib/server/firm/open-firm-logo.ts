import { buffer } from 'node:stream/consumers';
import { fileTypeFromBuffer } from 'file-type';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { LOGO_MAX_BYTES, logoFromPath } from './firm-logo';

/**
 * A firm's current logo, for anyone (mail clients fetch it without signing in). Only the image the firm shows
 * now: a replaced or removed logo, a made-up name or any other stored object is NOT_FOUND, as the key must be
 * the one on the firm's row. The bytes are judged again before they leave: whatever sits under the key (written
 * there by hand, or by an older version) is served only if it is the image its name says, so a public address on
 * our origin can never hand out HTML or SVG. Logos are small (LOGO_MAX_BYTES), so reading one whole is cheap.
 */
export async function openFirmLogo({ firmId, name, storage = getStorage() }: { firmId: string; name: string; storage?: Storage }) {
  const logo = logoFromPath(firmId, name);
  if (!logo) throw new AppError('NOT_FOUND');
  const firm = await getDb().firm.findFirst({ where: { id: firmId, logoKey: logo.key }, select: { id: true } });
  if (!firm) throw new AppError('NOT_FOUND');
  const object = await storage.get(logo.key);
  if (object.size > LOGO_MAX_BYTES) {
    object.body.destroy();
    throw refused(logo.key, `${object.size} bytes`);
  }
  const bytes = new Uint8Array(await buffer(object.body));
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed?.mime !== logo.contentType) throw refused(logo.key, sniffed?.mime ?? 'unknown');
  return { bytes, size: bytes.byteLength, contentType: logo.contentType, extension: sniffed.ext };
}

function refused(key: string, what: string) {
  logger().warn({ key, what }, 'stored logo is not the image its name says; not served');
  return new AppError('NOT_FOUND');
}
