import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZArchiveService } from './service-schemas';

/**
 * Takes a service out of the catalogue, the public page and the portal. Archived, not deleted: time entries and
 * fee items recorded against it still name it.
 */
export async function archiveService({ actor, input, context, now = new Date() }: { actor: StaffActor; input: unknown; context: RequestContext; now?: Date }) {
  assertCan(actor, 'service.manage');
  const { serviceId } = parseInput(ZArchiveService, input);
  return getDb().$transaction(async (tx) => {
    const [archived] = await tx.service.updateManyAndReturn({ where: { id: serviceId, firmId: actor.firmId, archivedAt: null }, data: { archivedAt: now }, select: { id: true, name: true } });
    if (!archived) throw new AppError('NOT_FOUND', { message: `no live service ${serviceId} in firm` });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'service.archived', entity: 'service', entityId: serviceId, context,
      after: { name: (archived.name as { en?: string }).en ?? null, archivedAt: now.toISOString() },
    });
    return { serviceId };
  });
}
