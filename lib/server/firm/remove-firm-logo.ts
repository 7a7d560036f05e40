import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';

/** Emails go out with the firm's name only again; the image is removed once the change committed. */
export async function removeFirmLogo({ actor, context, storage = getStorage() }: { actor: StaffActor; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'firm.settings.update');
  const previous = await getDb().$transaction(async (tx) => {
    const [firm] = await tx.$queryRaw<{ logoKey: string | null }[]>`SELECT "logoKey" FROM "Firm" WHERE "id" = ${actor.firmId} FOR UPDATE`;
    if (!firm) throw new AppError('NOT_FOUND');
    if (!firm.logoKey) return null;
    await tx.firm.update({ where: { id: actor.firmId }, data: { logoKey: null } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context,
      before: { logoKey: firm.logoKey }, after: { logoKey: null },
    });
    return firm.logoKey;
  });
  if (previous) await storage.delete(previous).catch((error: unknown) => logger().warn({ err: error, key: previous }, 'old logo left in storage'));
  return { removed: previous !== null };
}
