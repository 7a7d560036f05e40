import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { applyCaseTransition } from '@/lib/server/case/apply-case-transition';
import { parseInput } from '@/lib/server/validate';
import { ZConfirmDecision, type ConfirmDecisionInput } from './decision-schemas';

/** The stage machine's move for the confirmed outcome, with the facts it takes. */
function transitionFor(facts: ConfirmDecisionInput) {
  if (facts.outcome === 'APPROVED') return { transition: 'DECISION_APPROVED', facts: { notifiedOn: facts.notifiedOn } };
  // A registered letter's appeal period runs from its presentation; the advisor records that date as "notified on".
  return { transition: 'REFUSAL_NOTIFIED', facts: { outcome: facts.outcome, notifiedOn: facts.notifiedOn, regime: facts.regime, ...(facts.statedPeriodDays ? { statedPeriodDays: facts.statedPeriodDays } : {}) } };
}

/**
 * The advisor's confirmation of a decision letter's facts, field by field as proposed or corrected. The
 * confirmed facts drive the existing transition (refusal notified, or decision approved), which recomputes the
 * appeal deadline; the intake, the case, the timeline and both audit rows are written in one transaction.
 */
export async function confirmDecisionIntake({ actor, input, context, asOf = brusselsDate() }: { actor: StaffActor; input: unknown; context: RequestContext; asOf?: string }) {
  assertCan(actor, 'decision.intake');
  const confirmed = parseInput(ZConfirmDecision, input);
  return getDb().$transaction(async (tx) => {
    const intake = await tx.decisionIntake.findFirst({ where: { id: confirmed.intakeId, firmId: actor.firmId, case: { deletedAt: null } } });
    if (!intake) throw new AppError('NOT_FOUND');
    // Guarded in the write: of two confirmations racing, one moves the case and the other is told.
    const claimed = await tx.decisionIntake.updateMany({
      where: { id: intake.id, firmId: actor.firmId, status: 'PROPOSED' },
      data: { status: 'CONFIRMED', confirmed: confirmed as object, confirmedById: actor.userId, confirmedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError('CONFLICT', { message: `intake ${intake.id} is ${intake.status}`, userMessage: 'decisions.confirm.alreadyDone' });

    const move = transitionFor(confirmed);
    const moved = await applyCaseTransition(tx, {
      actor,
      context,
      asOf,
      input: {
        caseId: intake.caseId,
        version: confirmed.version,
        transition: move.transition,
        facts: move.facts,
        note: confirmed.note ?? null,
        extraFacts: {
          decisionLetter: {
            intakeId: intake.id,
            documentId: intake.documentId,
            type: confirmed.decisionType,
            ...(confirmed.decisionDate ? { decisionDate: confirmed.decisionDate } : {}),
            ...(confirmed.notificationMethod ? { notificationMethod: confirmed.notificationMethod } : {}),
          },
        },
        columns: confirmed.dvzFileNumber ? { dvzFileNumber: confirmed.dvzFileNumber } : {},
        origin: { decisionIntakeId: intake.id },
      },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'decision.confirmed', entity: 'decision', entityId: intake.id, context,
      before: { status: intake.status, proposal: intake.proposal }, after: { status: 'CONFIRMED', confirmed, caseId: intake.caseId },
    });
    return { caseId: intake.caseId, stage: moved.stage, version: moved.version, deadlineChanges: moved.deadlineChanges };
  });
}
