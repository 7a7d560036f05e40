import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZUpdateService } from './service-schemas';
import { serviceAuditFacts } from './service-select';

/**
 * Rewrites one live service of the firm's catalogue. Fee notes already issued keep their own copy of the price,
 * so a new fee only applies from now on.
 */
export async function updateService({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'service.manage');
  const { serviceId, ...data } = parseInput(ZUpdateService, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.service.findFirst({ where: { id: serviceId, firmId: actor.firmId, archivedAt: null } });
    if (!before) throw new AppError('NOT_FOUND', { message: `no live service ${serviceId} in firm` });
    const updated = await tx.service.updateManyAndReturn({ where: { id: serviceId, firmId: actor.firmId, archivedAt: null }, data });
    const after = updated[0];
    if (!after) throw new AppError('NOT_FOUND', { message: `service ${serviceId} archived meanwhile` });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'service.updated', entity: 'service', entityId: serviceId, context,
      before: serviceAuditFacts(before), after: serviceAuditFacts(after),
    });
    return { serviceId };
  });
}
