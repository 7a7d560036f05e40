import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { parseInput } from '@/lib/server/validate';
import { ZCaseRef } from './task-schemas';

/** What the task panel shows; plain values only, so it crosses from a server page to a client component as is. */
export type CaseTask = {
  id: string;
  title: string;
  dueOn: PlainDate;
  doneAt: string | null;
  assignee: { id: string; name: string } | null;
  createdBy: string;
};

/** A case's tasks: open ones first, soonest due first, then the done ones, latest first. */
export async function listCaseTasks({ actor, input }: { actor: StaffActor; input: unknown }): Promise<CaseTask[]> {
  assertCan(actor, 'case.read');
  const { caseId } = parseInput(ZCaseRef, input);
  const rows = await getDb().task.findMany({
    where: { caseId, firmId: actor.firmId, case: { deletedAt: null } },
    orderBy: [{ doneAt: { sort: 'desc', nulls: 'first' } }, { dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 500,
    select: {
      id: true,
      title: true,
      dueOn: true,
      doneAt: true,
      assignee: { select: { id: true, name: true, email: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    dueOn: fromDbDate(row.dueOn),
    doneAt: row.doneAt?.toISOString() ?? null,
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name ?? row.assignee.email } : null,
    createdBy: row.createdBy.name ?? row.createdBy.email,
  }));
}
