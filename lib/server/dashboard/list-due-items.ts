import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { addDaysPlain, brusselsDate, fromDbDate, toDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor, DeadlineKind } from '@/lib/generated/prisma/enums';
import { daysBetween } from '@/lib/rules/plain-date';
import { DASHBOARD_LIST_LIMIT } from './dashboard-scope';

export type DueItem = {
  source: 'deadline' | 'task';
  id: string;
  caseId: string;
  reference: string;
  clientName: string;
  /** Deadlines: what the law sets and who must act; tasks: the title the advisor wrote. */
  deadlineKind: DeadlineKind | null;
  actor: Actor | null;
  title: string | null;
  dueOn: PlainDate;
  /** Days from asOf to the due date: 0 today, negative when overdue. */
  daysLeft: number;
};
export type DueBucket = { items: DueItem[]; total: number };
export type DueItems = { asOf: PlainDate; overdue: DueBucket; week: DueBucket; month: DueBucket };

/** Buckets by due date: overdue (before asOf), this week (asOf to asOf + 7), this month (asOf + 8 to asOf + 30). */
export const WEEK_DAYS = 7;
export const MONTH_DAYS = 30;

// Eligibility dates are the first day a person may apply, and DECISION_DUE is the authority's own period (shown
// in "overdue decisions"): once past, neither is something the advisor missed, so neither lands in "overdue".
const NEVER_OVERDUE: DeadlineKind[] = ['LONG_TERM_RESIDENCE_ELIGIBLE', 'NATIONALITY_ELIGIBLE', 'DECISION_DUE'];

const caseSelect = { select: { id: true, reference: true, client: { select: { firstName: true, lastName: true } } } } as const;

/**
 * The person's open deadlines (on the cases assigned to them) and open tasks (given to them, or unassigned on
 * their cases), in three buckets. Each bucket is one range on Deadline(firmId, status, dueOn) and
 * Task(firmId, assigneeId, dueOn), limited, with its own count.
 */
export async function listDueItems({ actor, asOf = brusselsDate(), limit = DASHBOARD_LIST_LIMIT }: { actor: StaffActor; asOf?: PlainDate; limit?: number }): Promise<DueItems> {
  assertCan(actor, 'deadline.read');
  const db = getDb();
  const liveCase = { firmId: actor.firmId, deletedAt: null, closedAt: null, stage: { not: 'CLOSED' as const } };
  const myCase = { ...liveCase, assignedToId: actor.userId };

  const ranges = {
    overdue: { lt: toDbDate(asOf) },
    week: { gte: toDbDate(asOf), lte: toDbDate(addDaysPlain(asOf, WEEK_DAYS)) },
    month: { gt: toDbDate(addDaysPlain(asOf, WEEK_DAYS)), lte: toDbDate(addDaysPlain(asOf, MONTH_DAYS)) },
  };

  const bucket = async (name: keyof typeof ranges): Promise<DueBucket> => {
    const deadlineWhere: Prisma.DeadlineWhereInput = {
      firmId: actor.firmId,
      status: 'OPEN',
      dueOn: ranges[name],
      ...(name === 'overdue' ? { kind: { notIn: NEVER_OVERDUE } } : {}),
      case: myCase,
    };
    const taskWhere: Prisma.TaskWhereInput = {
      firmId: actor.firmId,
      doneAt: null,
      dueOn: ranges[name],
      OR: [{ assigneeId: actor.userId, case: liveCase }, { assigneeId: null, case: myCase }],
    };
    const orderBy = [{ dueOn: 'asc' as const }, { id: 'asc' as const }];
    const [deadlines, deadlineCount, tasks, taskCount] = await Promise.all([
      db.deadline.findMany({ where: deadlineWhere, orderBy, take: limit, select: { id: true, kind: true, actor: true, dueOn: true, case: caseSelect } }),
      db.deadline.count({ where: deadlineWhere }),
      db.task.findMany({ where: taskWhere, orderBy, take: limit, select: { id: true, title: true, dueOn: true, case: caseSelect } }),
      db.task.count({ where: taskWhere }),
    ]);
    const item = (row: { id: string; dueOn: Date; case: { id: string; reference: string; client: { firstName: string; lastName: string } } }) => {
      const dueOn = fromDbDate(row.dueOn);
      return { id: row.id, caseId: row.case.id, reference: row.case.reference, clientName: `${row.case.client.firstName} ${row.case.client.lastName}`, dueOn, daysLeft: daysBetween(asOf, dueOn) };
    };
    const items: DueItem[] = [
      ...deadlines.map((row) => ({ ...item(row), source: 'deadline' as const, deadlineKind: row.kind, actor: row.actor, title: null })),
      ...tasks.map((row) => ({ ...item(row), source: 'task' as const, deadlineKind: null, actor: null, title: row.title })),
    ];
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
    return { items: items.slice(0, limit), total: deadlineCount + taskCount };
  };

  const [overdue, week, month] = await Promise.all([bucket('overdue'), bucket('week'), bucket('month')]);
  return { asOf, overdue, week, month };
}
