import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

export type TaskAssignee = { userId: string; name: string };

/** The people a task can be given to: the firm's active members, by name. */
export async function listTaskAssignees({ actor }: { actor: StaffActor }): Promise<TaskAssignee[]> {
  assertCan(actor, 'task.manage');
  const rows = await getDb().membership.findMany({
    where: { firmId: actor.firmId, deactivatedAt: null },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map(({ user }) => ({ userId: user.id, name: user.name ?? user.email }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
