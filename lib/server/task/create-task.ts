import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { parseInput } from '@/lib/server/validate';
import { ZCreateTask } from './task-schemas';

/**
 * A to-do with a due date on one of the firm's cases. The case and the assignee are looked up inside the firm,
 * in the same transaction as the insert, so a task can never point at another firm's case or person.
 */
export async function createTask({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'task.manage');
  const { caseId, title, dueOn, assigneeId } = parseInput(ZCreateTask, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
    if (!kase) throw new AppError('NOT_FOUND', { message: `no case ${caseId} in firm` });
    if (assigneeId) {
      const member = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: assigneeId, deactivatedAt: null }, select: { id: true } });
      if (!member) {
        throw new AppError('VALIDATION', { message: 'assignee is not an active member of the firm', details: { fieldErrors: { assigneeId: ['assigneeNotMember'] } } });
      }
    }
    const task = await tx.task.create({
      data: { firmId: actor.firmId, caseId, title, dueOn: toDbDate(dueOn), assigneeId: assigneeId ?? null, createdById: actor.userId },
    });
    // Internal: the client portal never shows the firm's own to-do list.
    await tx.caseEvent.create({
      data: {
        firmId: actor.firmId,
        caseId,
        type: 'TASK',
        visibility: 'INTERNAL',
        actorId: actor.userId,
        note: title,
        payload: { taskId: task.id, action: 'created', dueOn, assigneeId: assigneeId ?? null },
      },
    });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'task.created',
      entity: 'task',
      entityId: task.id,
      after: { caseId, title, dueOn: fromDbDate(task.dueOn), assigneeId: task.assigneeId },
      context,
    });
    return task;
  });
}
