import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { assertAssignable } from './assignable-member';
import { columnsFromFacts, mergeFacts, type StoredFacts } from './case-facts';
import { ZUpdateCase } from './case-schemas';
import { claimVersion } from './claim-version';
import { recomputeCaseDeadlines } from './recompute-case-deadlines';

/**
 * Saves the editable facts and references of a case and recomputes its deadlines in the same transaction.
 * The save names the version it was based on; if someone saved in between, it is refused (CONFLICT).
 */
export async function updateCase({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.update');
  const { caseId, version, targetCard, assignedToId, dvzFileNumber, communeReference, ...facts } = parseInput(ZUpdateCase, input);
  const sent = (field: string) => typeof input === 'object' && input !== null && field in input;
  return getDb().$transaction(async (tx) => {
    const before = await claimVersion(tx, actor.firmId, caseId, version);
    if (assignedToId && assignedToId !== before.assignedToId) await assertAssignable(tx, actor.firmId, assignedToId);
    // A field sent blank clears that fact (undefined removes it); a field not sent leaves it as it was.
    const storedFacts = mergeFacts(before.facts as StoredFacts, facts);
    const after = await tx.case.update({
      where: { id: caseId, firmId: actor.firmId },
      data: {
        facts: storedFacts as object,
        ...columnsFromFacts(storedFacts, before.stage),
        // A field sent blank clears the value; a field not sent at all keeps it (undefined leaves it to Prisma).
        targetCard: sent('targetCard') ? (targetCard ?? null) : undefined,
        assignedToId: assignedToId ?? before.assignedToId,
        dvzFileNumber: sent('dvzFileNumber') ? (dvzFileNumber ?? null) : undefined,
        communeReference: sent('communeReference') ? (communeReference ?? null) : undefined,
      },
      include: { client: { select: { citizenship: true, birthDate: true } } },
    });
    const changes = await recomputeCaseDeadlines(tx, { ...after, facts: storedFacts });
    await tx.caseEvent.create({
      data: { firmId: actor.firmId, caseId, type: 'FACTS_CHANGED', actorId: actor.userId, visibility: 'INTERNAL', payload: { deadlines: changes } },
    });
    const pick = (row: typeof before) => ({ facts: row.facts, targetCard: row.targetCard, assignedToId: row.assignedToId, dvzFileNumber: row.dvzFileNumber, communeReference: row.communeReference });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'case.updated', entity: 'case', entityId: caseId, before: pick(before), after: pick(after), context });
    return { version: after.version, deadlineChanges: changes };
  });
}

