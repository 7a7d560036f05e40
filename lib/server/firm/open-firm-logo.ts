import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { logoFromPath } from './firm-logo';

/**
 * A firm's current logo, for anyone (mail clients fetch it without signing in). Only the image the firm shows
 * now: a replaced or removed logo, a made-up name or any other stored object is NOT_FOUND, as the key must be
 * the one on the firm's row.
 */
export async function openFirmLogo({ firmId, name, storage = getStorage() }: { firmId: string; name: string; storage?: Storage }) {
  const logo = logoFromPath(firmId, name);
  if (!logo) throw new AppError('NOT_FOUND');
  const firm = await getDb().firm.findFirst({ where: { id: firmId, logoKey: logo.key }, select: { id: true } });
  if (!firm) throw new AppError('NOT_FOUND');
  const object = await storage.get(logo.key);
  return { ...object, contentType: logo.contentType };
}
