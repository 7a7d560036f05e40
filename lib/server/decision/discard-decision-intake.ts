import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZIntakeRef } from './decision-schemas';

/** Sets a proposal aside (the wrong letter, a copy already read); the stored file stays among the client's documents. */
export async function discardDecisionIntake({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'decision.intake');
  const { intakeId } = parseInput(ZIntakeRef, input);
  return getDb().$transaction(async (tx) => {
    const intake = await tx.decisionIntake.findFirst({ where: { id: intakeId, firmId: actor.firmId, case: { deletedAt: null } }, select: { id: true, caseId: true, status: true } });
    if (!intake) throw new AppError('NOT_FOUND');
    const { count } = await tx.decisionIntake.updateMany({ where: { id: intake.id, firmId: actor.firmId, status: 'PROPOSED' }, data: { status: 'DISCARDED' } });
    if (count !== 1) throw new AppError('CONFLICT', { message: `intake ${intake.id} is ${intake.status}`, userMessage: 'decisions.confirm.alreadyDone' });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'decision.discarded', entity: 'decision', entityId: intake.id, context, before: { status: intake.status }, after: { status: 'DISCARDED', caseId: intake.caseId } });
    return { caseId: intake.caseId };
  });
}
