import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

// FormData sends 'true' / 'false'; z.coerce.boolean would read 'false' as true.
const ZInput = z.object({ required: z.union([z.boolean(), z.stringbool()]) });

/** When required, an appeal deadline shows as unconfirmed on the dashboard until a second person has checked it. */
export async function setDeadlineConfirmation({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.settings.update');
  const { required } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { requireDeadlineConfirmation: true } });
    const after = await tx.firm.update({ where: { id: actor.firmId }, data: { requireDeadlineConfirmation: required }, select: { requireDeadlineConfirmation: true } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, before, after, context });
    return after;
  });
}
