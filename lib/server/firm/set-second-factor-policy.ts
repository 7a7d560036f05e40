import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { SECOND_FACTOR_POLICIES } from '@/lib/auth/second-factor-policy';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

const ZInput = z.object({ policy: z.enum(SECOND_FACTOR_POLICIES, 'members.policyInvalid') });

/** What members must prove besides their password; those who lack it are sent to set it up before they can work. */
export async function setSecondFactorPolicy({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.settings.update');
  const { policy } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { secondFactorPolicy: true } });
    const after = await tx.firm.update({ where: { id: actor.firmId }, data: { secondFactorPolicy: policy }, select: { secondFactorPolicy: true } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, before, after, context });
    return after;
  });
}
