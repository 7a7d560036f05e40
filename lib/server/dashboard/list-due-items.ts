import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { addDaysPlain, brusselsDate, fromDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
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
const BUCKETS = ['overdue', 'week', 'month'] as const;

// Eligibility dates are the first day a person may apply, and DECISION_DUE is the authority's own period (shown
// in "overdue decisions"): once past, neither is something the advisor missed, so neither lands in "overdue".
export const NEVER_OVERDUE: DeadlineKind[] = ['LONG_TERM_RESIDENCE_ELIGIBLE', 'NATIONALITY_ELIGIBLE', 'DECISION_DUE'];

type Row = {
  source: 'deadline' | 'task';
  id: string;
  caseId: string;
  dueOn: Date;
  kind: DeadlineKind | null;
  actor: Actor | null;
  title: string | null;
  bucket: number;
  total: number;
  reference: string;
  firstName: string;
  lastName: string;
};

/**
 * The person's open deadlines (on the cases assigned to them) and open tasks (given to them, or unassigned on
 * their cases), in three buckets, with the first `limit` of each and its total, in one round trip.
 *
 * Deadlines are reached through the person's cases on Case(firmId, assignedToId, nextDeadlineOn): nextDeadlineOn
 * is the earliest open deadline of the case (kept by recompute-case-deadlines), so a case whose next deadline is
 * more than 30 days away cannot have anything to show and is never read. Tasks use Task(firmId, assigneeId, dueOn).
 */
export async function listDueItems({ actor, asOf = brusselsDate(), limit = DASHBOARD_LIST_LIMIT }: { actor: StaffActor; asOf?: PlainDate; limit?: number }): Promise<DueItems> {
  assertCan(actor, 'deadline.read');
  const { firmId, userId } = actor;
  const weekEnd = addDaysPlain(asOf, WEEK_DAYS);
  const monthEnd = addDaysPlain(asOf, MONTH_DAYS);
  const live = Prisma.sql`c."firmId" = ${firmId} AND c."deletedAt" IS NULL AND c."closedAt" IS NULL AND c.stage <> 'CLOSED'::"CaseStage"`;
  const neverOverdue = Prisma.join(NEVER_OVERDUE.map((kind) => Prisma.sql`${kind}::"DeadlineKind"`));
  const rows = await getDb().$queryRaw<Row[]>`
    WITH items AS (
      SELECT 'deadline' AS source, d.id, d."caseId", d."dueOn", d.kind::text AS kind, d.actor::text AS actor, NULL::text AS title
      FROM "Case" c
      JOIN "Deadline" d ON d."caseId" = c.id AND d."firmId" = ${firmId}
      WHERE ${live} AND c."assignedToId" = ${userId} AND c."nextDeadlineOn" <= ${monthEnd}::date
        AND d.status = 'OPEN'::"DeadlineStatus" AND d."dueOn" <= ${monthEnd}::date
        AND (d."dueOn" >= ${asOf}::date OR d.kind NOT IN (${neverOverdue}))
      UNION ALL
      SELECT 'task', t.id, t."caseId", t."dueOn", NULL, NULL, t.title
      FROM "Task" t
      JOIN "Case" c ON c.id = t."caseId"
      WHERE t."firmId" = ${firmId} AND t."assigneeId" = ${userId} AND t."doneAt" IS NULL AND t."dueOn" <= ${monthEnd}::date AND ${live}
      UNION ALL
      SELECT 'task', t.id, t."caseId", t."dueOn", NULL, NULL, t.title
      FROM "Task" t
      JOIN "Case" c ON c.id = t."caseId"
      WHERE t."firmId" = ${firmId} AND t."assigneeId" IS NULL AND t."doneAt" IS NULL AND t."dueOn" <= ${monthEnd}::date
        AND ${live} AND c."assignedToId" = ${userId}
    ), ranked AS (
      SELECT i.*, b.bucket,
             row_number() OVER (PARTITION BY b.bucket ORDER BY i."dueOn", i.source, i.id) AS rn,
             (count(*) OVER (PARTITION BY b.bucket))::int AS total
      FROM items i
      CROSS JOIN LATERAL (
        SELECT CASE WHEN i."dueOn" < ${asOf}::date THEN 0 WHEN i."dueOn" <= ${weekEnd}::date THEN 1 ELSE 2 END AS bucket
      ) b
    )
    -- The case and client of the shown rows only, by primary key (LIMIT 1 keeps the planner from turning the
    -- lateral lookup into a join over every case of the firm).
    SELECT r.source, r.id, r."caseId", r."dueOn", r.kind, r.actor, r.title, r.bucket, r.total, names.reference, names."firstName", names."lastName"
    FROM ranked r
    CROSS JOIN LATERAL (
      SELECT c.reference, cl."firstName", cl."lastName"
      FROM "Case" c JOIN "Client" cl ON cl.id = c."clientId" AND cl."firmId" = ${firmId}
      WHERE c.id = r."caseId" AND c."firmId" = ${firmId}
      LIMIT 1
    ) names
    WHERE r.rn <= ${limit}
    ORDER BY r.bucket, r.rn
  `;
  const result: DueItems = { asOf, overdue: { items: [], total: 0 }, week: { items: [], total: 0 }, month: { items: [], total: 0 } };
  for (const row of rows) {
    const bucket = result[BUCKETS[row.bucket] ?? 'month'];
    const dueOn = fromDbDate(row.dueOn);
    bucket.total = row.total;
    bucket.items.push({
      source: row.source,
      id: row.id,
      caseId: row.caseId,
      reference: row.reference,
      clientName: `${row.firstName} ${row.lastName}`,
      deadlineKind: row.kind,
      actor: row.actor,
      title: row.title,
      dueOn,
      daysLeft: daysBetween(asOf, dueOn),
    });
  }
  return result;
}
