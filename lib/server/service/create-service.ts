import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZCreateService } from './service-schemas';
import { serviceAuditFacts } from './service-select';

/** Adds a service to the firm's catalogue (admins: what the firm offers and charges is the partners' call). */
export async function createService({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'service.manage');
  const data = parseInput(ZCreateService, input);
  return getDb().$transaction(async (tx) => {
    const service = await tx.service.create({ data: { firmId: actor.firmId, ...data } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'service.created', entity: 'service', entityId: service.id, context,
      after: serviceAuditFacts(service),
    });
    return { serviceId: service.id };
  });
}
