import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZCreateCase } from './case-schemas';
import { assertAssignable } from './assignable-member';
import { insertCase } from './insert-case';

/** Opens a case for a client at intake, with its first facts, and computes the deadlines they give rise to. */
export async function createCase({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.create');
  const { clientId, procedure, targetCard, assignedToId, ...facts } = parseInput(ZCreateCase, input);
  return getDb().$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: clientId, firmId: actor.firmId, deletedAt: null } });
    if (!client) throw new AppError('NOT_FOUND');
    const assignee = assignedToId ?? actor.userId;
    await assertAssignable(tx, actor.firmId, assignee);
    return insertCase(tx, { firmId: actor.firmId, actorUserId: actor.userId, client, procedure, targetCard, assignedToId: assignee, facts, context });
  });
}
