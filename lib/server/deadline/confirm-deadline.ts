import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { notificationRecorder } from './notification-recorder';

const ZInput = z.object({ deadlineId: z.string().min(1).max(64) });

/**
 * Four eyes on an appeal deadline: a second person checks the date against the letter. The one who recorded
 * the notification (the latest refusal move on the case) cannot be that second person. The check is of this
 * date: recomputeCaseDeadlines clears it when the date moves.
 */
export async function confirmDeadline({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'deadline.confirm');
  const { deadlineId } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const deadline = await tx.deadline.findFirst({ where: { id: deadlineId, firmId: actor.firmId, case: { deletedAt: null } }, select: { id: true, caseId: true, kind: true, status: true, dueOn: true, confirmedAt: true } });
    if (!deadline) throw new AppError('NOT_FOUND');
    if (deadline.kind !== 'APPEAL' || deadline.status !== 'OPEN') throw new AppError('VALIDATION', { message: `deadline ${deadline.id} is ${deadline.kind} ${deadline.status}`, userMessage: 'decisions.deadline.notConfirmable' });
    const recordedBy = await notificationRecorder(tx, actor.firmId, deadline.caseId);
    if (recordedBy === actor.userId) throw new AppError('VALIDATION', { message: 'the recorder cannot confirm their own deadline', userMessage: 'decisions.deadline.samePerson' });
    const { count } = await tx.deadline.updateMany({ where: { id: deadline.id, firmId: actor.firmId, confirmedAt: null, status: 'OPEN' }, data: { confirmedAt: new Date(), confirmedById: actor.userId } });
    if (count !== 1) throw new AppError('CONFLICT', { message: 'already confirmed', userMessage: 'decisions.deadline.alreadyConfirmed' });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'deadline.confirmed', entity: 'deadline', entityId: deadline.id, context,
      before: { confirmedAt: null }, after: { caseId: deadline.caseId, dueOn: fromDbDate(deadline.dueOn), recordedBy },
    });
    return { caseId: deadline.caseId, dueOn: fromDbDate(deadline.dueOn) };
  });
}
