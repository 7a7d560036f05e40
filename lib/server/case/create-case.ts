import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';
import { columnsFromFacts, mergeFacts } from './case-facts';
import { ZCreateCase } from './case-schemas';
import { assertAssignable } from './assignable-member';
import { recomputeCaseDeadlines } from './recompute-case-deadlines';

/** Opens a case for a client at intake, with its first facts, and computes the deadlines they give rise to. */
export async function createCase({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.create');
  const { clientId, procedure, targetCard, assignedToId, ...facts } = parseInput(ZCreateCase, input);
  return getDb().$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: clientId, firmId: actor.firmId, deletedAt: null } });
    if (!client) throw new AppError('NOT_FOUND');
    const assignee = assignedToId ?? actor.userId;
    await assertAssignable(tx, actor.firmId, assignee);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case-number:${client.id}`}))`;
    const count = await tx.case.count({ where: { clientId: client.id, firmId: actor.firmId } });
    const reference = `${client.fileNumber}-${count + 1}`;
    const storedFacts = mergeFacts({ procedure }, facts);
    const kase = await tx.case.create({
      data: {
        firmId: actor.firmId,
        clientId: client.id,
        reference,
        procedure,
        targetCard: targetCard ?? null,
        assignedToId: assignee,
        facts: storedFacts as object,
        ...columnsFromFacts(storedFacts, 'INTAKE'),
        searchText: searchable(client.firstName, client.lastName, client.fileNumber, reference),
      },
    });
    await tx.caseEvent.create({
      data: { firmId: actor.firmId, caseId: kase.id, type: 'CREATED', toStage: 'INTAKE', actorId: actor.userId, visibility: 'CLIENT' },
    });
    await recomputeCaseDeadlines(tx, { ...kase, facts: storedFacts, client });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'case.created', entity: 'case', entityId: kase.id, after: { reference, procedure, targetCard, assignedToId: assignee, facts: storedFacts }, context });
    return { id: kase.id, reference };
  });
}
