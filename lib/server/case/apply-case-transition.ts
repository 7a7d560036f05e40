import type { StaffActor } from '@/lib/auth/actor';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { applyTransition } from '@/lib/rules/stage-machine';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { notifyStatusChange } from '@/lib/server/notify/notify-client';
import { columnsFromFacts, mergeFacts, type StoredFacts } from './case-facts';
import { claimVersion } from './claim-version';
import { recomputeCaseDeadlines } from './recompute-case-deadlines';

// Internal bookkeeping moves; every other step is news the client should see in their portal.
const INTERNAL_TRANSITIONS = new Set(['CLOSE', 'REOPEN', 'AWAIT_DECISION']);

export type CaseTransitionInput = {
  caseId: string;
  version: number;
  transition: string;
  facts: Record<string, unknown>;
  note?: string | null;
  /** Facts the stage machine does not own but that come with the move (a decision's type and DVZ number). */
  extraFacts?: Record<string, unknown>;
  /** Column values set with the move (the DVZ file number read from a decision letter). */
  columns?: { dvzFileNumber?: string | null };
  /** Where the move came from, kept on the timeline event (a decision intake, a J-Box submission). */
  origin?: Record<string, unknown>;
};

/**
 * One move through the stage machine of lib/rules, inside the caller's transaction: the rules decide whether
 * it is allowed and what it writes; the case, its timeline event, its recomputed deadlines, the client's
 * notice and the audit row are written here. Shared by the transition form, the decision intake and the J-Box
 * submission, so each of them moves a case the same way. The caller checks the permission.
 */
export async function applyCaseTransition(tx: Tx, { actor, input, context, asOf }: { actor: StaffActor; input: CaseTransitionInput; context: RequestContext; asOf: string }) {
  const { caseId, version, transition, facts, note, extraFacts, columns, origin } = input;
  const before = await claimVersion(tx, actor.firmId, caseId, version);
  const result = applyTransition(before.stage, transition, facts, asOf, before.procedure);
  if (!result.ok) {
    const field = result.reason.field ?? '_';
    throw new AppError('VALIDATION', { message: `transition ${transition} refused: ${result.reason.code}`, userMessage: `reason.${result.reason.code}`, details: { reason: result.reason, fieldErrors: { [field]: [result.reason.code] } } });
  }
  const storedFacts = mergeFacts(before.facts as StoredFacts, { ...(result.factsPatch as Record<string, unknown>), ...(extraFacts ?? {}) });
  const after = await tx.case.update({
    where: { id: caseId, firmId: actor.firmId },
    data: { facts: storedFacts as object, ...columnsFromFacts(storedFacts, result.stage), ...(columns ?? {}) },
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
      payload: { facts: result.factsPatch as object, deadlines: changes, ...(origin ? { origin: origin as object } : {}) },
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
    after: { stage: result.stage, facts: storedFacts, transition, ...(origin ? { origin } : {}) },
    context,
  });
  return { stage: result.stage, version: after.version, deadlineChanges: changes, eventId: event.id, case: after };
}
