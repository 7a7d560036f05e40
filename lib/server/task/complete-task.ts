import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { parseInput } from '@/lib/server/validate';
import { ZTaskRef } from './task-schemas';

/**
 * Marks a task done. Idempotent: a second click, or two colleagues clicking at once, leaves one completion
 * time, one timeline entry and one audit row, because only the update that still finds `doneAt: null` wins.
 */
export async function completeTask({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'task.manage');
  const { taskId } = parseInput(ZTaskRef, input);
  return getDb().$transaction(async (tx) => {
    const where = { id: taskId, firmId: actor.firmId, case: { deletedAt: null } };
    const task = await tx.task.findFirst({ where, select: { id: true, caseId: true, title: true, doneAt: true } });
    if (!task) throw new AppError('NOT_FOUND', { message: `no task ${taskId} in firm` });
    if (task.doneAt) return { taskId: task.id, doneAt: task.doneAt, changed: false };
    const doneAt = new Date();
    const { count } = await tx.task.updateMany({ where: { id: task.id, firmId: actor.firmId, doneAt: null }, data: { doneAt } });
    if (count === 0) {
      const current = await tx.task.findFirstOrThrow({ where: { id: task.id, firmId: actor.firmId }, select: { doneAt: true } });
      return { taskId: task.id, doneAt: current.doneAt, changed: false };
    }
    await tx.caseEvent.create({
      data: { firmId: actor.firmId, caseId: task.caseId, type: 'TASK', visibility: 'INTERNAL', actorId: actor.userId, note: task.title, payload: { taskId: task.id, action: 'completed' } },
    });
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'task.updated',
      entity: 'task',
      entityId: task.id,
      before: { doneAt: null },
      after: { doneAt },
      context,
    });
    return { taskId: task.id, doneAt, changed: true };
  });
}
