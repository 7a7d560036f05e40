import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { LOGO_MAX_BYTES, LOGO_TYPES, logoKey, type LogoExtension } from './firm-logo';

const EXTENSIONS: Record<string, LogoExtension> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/**
 * Replaces the firm's logo with an uploaded image. The type is judged from the bytes, not the name. The new image
 * is stored before the row points at it, and the old one is removed only after the change committed, so the
 * emails already in the outbox keep a working image until then; if the change fails, the new image is removed.
 */
export async function setFirmLogo({ actor, file, context, storage = getStorage() }: {
  actor: StaffActor;
  file: { bytes: Uint8Array };
  context: RequestContext;
  storage?: Storage;
}) {
  assertCan(actor, 'firm.settings.update');
  const { bytes } = file;
  if (bytes.byteLength === 0) throw new AppError('VALIDATION', { message: 'empty logo', userMessage: 'firmSettings.logo.empty' });
  if (bytes.byteLength > LOGO_MAX_BYTES) throw new AppError('VALIDATION', { message: 'logo too large', userMessage: 'firmSettings.logo.tooLarge' });
  const sniffed = await fileTypeFromBuffer(bytes);
  const ext = sniffed ? EXTENSIONS[sniffed.mime] : undefined;
  if (!ext) throw new AppError('VALIDATION', { message: `logo of type ${sniffed?.mime ?? 'unknown'}`, userMessage: 'firmSettings.logo.type' });

  const key = logoKey(actor.firmId, randomUUID(), ext);
  await storage.put(key, bytes, { contentType: LOGO_TYPES[ext], size: bytes.byteLength });
  let previous: string | null;
  try {
    previous = await getDb().$transaction(async (tx) => {
      const [firm] = await tx.$queryRaw<{ logoKey: string | null }[]>`SELECT "logoKey" FROM "Firm" WHERE "id" = ${actor.firmId} FOR UPDATE`;
      if (!firm) throw new AppError('NOT_FOUND');
      await tx.firm.update({ where: { id: actor.firmId }, data: { logoKey: key } });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context,
        before: { logoKey: firm.logoKey }, after: { logoKey: key, logoBytes: bytes.byteLength, logoType: LOGO_TYPES[ext] },
      });
      return firm.logoKey;
    });
  } catch (error) {
    await storage.delete(key).catch((cleanup: unknown) => logger().warn({ err: cleanup, key }, 'new logo left in storage'));
    throw error;
  }
  if (previous) await storage.delete(previous).catch((error: unknown) => logger().warn({ err: error, key: previous }, 'old logo left in storage'));
  return { logoKey: key };
}
