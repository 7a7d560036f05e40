import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { applyTransition } from '@/lib/rules/stage-machine';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { notifyStatusChange } from '@/lib/server/notify/notify-client';
import { parseInput } from '@/lib/server/validate';
import { columnsFromFacts, mergeFacts, type StoredFacts } from './case-facts';
import { ZTransitionCase } from './case-schemas';
import { claimVersion } from './claim-version';
import { recomputeCaseDeadlines } from './recompute-case-deadlines';

// Internal bookkeeping moves; every other step is news the client should see in their portal.
const INTERNAL_TRANSITIONS = new Set(['CLOSE', 'REOPEN', 'AWAIT_DECISION']);

/**
 * Moves a case through the stage machine of lib/rules: the rules decide whether the move is allowed and
 * what it writes; here the case, its timeline event, its recomputed deadlines and the audit row are stored
 * together. A refused move comes back as a VALIDATION error with the reason code and field from the rules.
 */
export async function transitionCase({ actor, input, context, asOf = brusselsDate() }: { actor: StaffActor; input: unknown; context: RequestContext; asOf?: string }) {
  assertCan(actor, 'case.transition');
  const { caseId, version, transition, note, facts } = parseInput(ZTransitionCase, input);
  return getDb().$transaction(async (tx) => {
    const before = await claimVersion(tx, actor.firmId, caseId, version);
    const result = applyTransition(before.stage, transition, facts, asOf, before.procedure);
    if (!result.ok) {
      const field = result.reason.field ?? '_';
      throw new AppError('VALIDATION', { message: `transition ${transition} refused: ${result.reason.code}`, userMessage: `reason.${result.reason.code}`, details: { reason: result.reason, fieldErrors: { [field]: [result.reason.code] } } });
    }
    const storedFacts = mergeFacts(before.facts as StoredFacts, result.factsPatch as Record<string, unknown>);
    const after = await tx.case.update({
      where: { id: caseId, firmId: actor.firmId },
      data: { facts: storedFacts as object, ...columnsFromFacts(storedFacts, result.stage) },
      include: { client: { select: { citizenship: true, birthDate: true } } },
    });
    const changes = await recomputeCaseDeadlines(tx, { ...after, facts: storedFacts }, asOf);
    const visibility = INTERNAL_TRANSITIONS.has(transition) ? 'INTERNAL' : 'CLIENT';
    const event = await tx.caseEvent.create({
      data: {
        firmId: actor.firmId,
        caseId,
        type: 'TRANSITION',
        transition,
        fromStage: before.stage,
        toStage: result.stage,
        actorId: actor.userId,
        visibility,
        note: note ?? null,
        payload: { facts: result.factsPatch as object, deadlines: changes },
      },
    });
    if (visibility === 'CLIENT') await notifyStatusChange(tx, { firmId: actor.firmId, caseId, eventId: event.id, stage: result.stage, procedure: after.procedure, reference: after.reference });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'case.transitioned',
      entity: 'case',
      entityId: caseId,
      before: { stage: before.stage, facts: before.facts },
      after: { stage: result.stage, facts: storedFacts, transition },
      context,
    });
    return { stage: result.stage, version: after.version, deadlineChanges: changes };
  });
}
