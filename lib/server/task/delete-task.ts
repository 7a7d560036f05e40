import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { parseInput } from '@/lib/server/validate';
import { ZTaskRef } from './task-schemas';

/**
 * Removes a task entered by mistake. Its planned reminders go with it (the foreign key cascades), so nobody is
 * reminded of a task that no longer exists; the audit row keeps what it was, and the timeline says so.
 */
export async function deleteTask({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'task.delete');
  const { taskId } = parseInput(ZTaskRef, input);
  return getDb().$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: taskId, firmId: actor.firmId, case: { deletedAt: null } },
      select: { id: true, caseId: true, title: true, dueOn: true, assigneeId: true, doneAt: true },
    });
    if (!task) throw new AppError('NOT_FOUND', { message: `no task ${taskId} in firm` });
    await tx.task.delete({ where: { id: task.id, firmId: actor.firmId } });
    await tx.caseEvent.create({
      data: { firmId: actor.firmId, caseId: task.caseId, type: 'TASK', visibility: 'INTERNAL', actorId: actor.userId, note: task.title, payload: { taskId: task.id, action: 'deleted' } },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'task.deleted', entity: 'task', entityId: task.id, context,
      before: { caseId: task.caseId, title: task.title, dueOn: task.dueOn, assigneeId: task.assigneeId, doneAt: task.doneAt },
    });
    return { taskId: task.id, caseId: task.caseId };
  });
}
