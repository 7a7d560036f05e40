import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, fromDbDate, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CaseStage, Procedure } from '@/lib/generated/prisma/enums';
import { daysBetween } from '@/lib/rules/plain-date';
import { DASHBOARD_LIST_LIMIT, type DashboardScope } from './dashboard-scope';
import { decisionDueOn, DECISION_PENDING_STAGES, latestOverdueFiling, PERIOD_VARIANTS } from './decision-periods';

export type OverdueDecision = {
  caseId: string;
  reference: string;
  clientName: string;
  procedure: Procedure;
  stage: CaseStage;
  filedOn: PlainDate;
  dueOn: PlainDate;
  daysOverdue: number;
};

// facts.decisionPeriodExtensions as a number; anything else (absent, a stray string) counts as none.
const EXTENSIONS = Prisma.sql`(CASE WHEN jsonb_typeof(c.facts->'decisionPeriodExtensions') = 'number' THEN (c.facts->>'decisionPeriodExtensions')::numeric ELSE 0 END)`;

/** The decision period of each case in months, as one CASE expression built from lib/rules' periods. */
function monthsExpression(): Prisma.Sql {
  const branches = PERIOD_VARIANTS.map((variant) => {
    const conditions = [Prisma.sql`c.procedure = ${variant.procedure}::"Procedure"`];
    if (variant.sponsor) conditions.push(Prisma.sql`c.facts->>'sponsor' = ${variant.sponsor}`);
    if (!variant.orMore) conditions.push(Prisma.sql`${EXTENSIONS} = ${variant.extensions}`);
    else if (variant.extensions > 0) conditions.push(Prisma.sql`${EXTENSIONS} >= ${variant.extensions}`);
    return Prisma.sql`WHEN ${Prisma.join(conditions, ' AND ')} THEN ${variant.months}::int`;
  });
  return Prisma.sql`(CASE ${Prisma.join(branches, ' ')} END)`;
}

/**
 * Cases still waiting for the authority after its decision period ran out (DOMAIN.md, "Decision periods"):
 * a flag for the advisor to chase the Immigration Office, never a promise to a client. Every period is turned
 * into a last filing date for `asOf`, so Postgres compares dates on the firm's pending cases only.
 */
export async function listOverdueDecisions({
  actor,
  scope = 'mine',
  asOf = brusselsDate(),
  limit = DASHBOARD_LIST_LIMIT,
}: {
  actor: StaffActor;
  scope?: DashboardScope;
  asOf?: PlainDate;
  limit?: number;
}): Promise<{ items: OverdueDecision[]; total: number }> {
  assertCan(actor, 'case.read');
  const cutoffs = new Map([...new Set(PERIOD_VARIANTS.map((v) => v.months))].map((months) => [months, latestOverdueFiling(asOf, months)]));
  const latest = [...cutoffs.values()].sort().at(-1);
  if (!latest) return { items: [], total: 0 };
  const cutoffFor = Prisma.sql`(CASE p.months ${Prisma.join(
    [...cutoffs].map(([months, date]) => Prisma.sql`WHEN ${months}::int THEN ${date}::date`),
    ' ',
  )} END)`;
  const stages = Prisma.join(DECISION_PENDING_STAGES.map((stage) => Prisma.sql`${stage}::"CaseStage"`));
  const mine = scope === 'mine' ? Prisma.sql`AND c."assignedToId" = ${actor.userId}` : Prisma.empty;
  const rows = await getDb().$queryRaw<
    { id: string; reference: string; procedure: Procedure; stage: CaseStage; filedOn: Date; months: number; firstName: string; lastName: string; total: number }[]
  >`
    WITH pending AS (
      SELECT c.id, c.reference, c.procedure, c.stage, c."clientId", c."applicationFiledOn", ${monthsExpression()} AS months
      FROM "Case" c
      WHERE c."firmId" = ${actor.firmId} AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
        AND c.stage IN (${stages})
        AND c."applicationFiledOn" <= ${latest}::date
        ${mine}
    )
    SELECT p.id, p.reference, p.procedure::text AS procedure, p.stage::text AS stage, p."applicationFiledOn" AS "filedOn", p.months,
           cl."firstName", cl."lastName", (count(*) OVER ())::int AS total
    FROM pending p
    JOIN "Client" cl ON cl.id = p."clientId" AND cl."firmId" = ${actor.firmId}
    WHERE p.months IS NOT NULL AND p."applicationFiledOn" <= ${cutoffFor}
    ORDER BY p."applicationFiledOn" + make_interval(months => p.months), p.reference
    LIMIT ${limit}
  `;
  const items = rows.map((row) => {
    const filedOn = fromDbDate(row.filedOn);
    const dueOn = decisionDueOn(filedOn, row.months);
    return {
      caseId: row.id,
      reference: row.reference,
      clientName: `${row.firstName} ${row.lastName}`,
      procedure: row.procedure,
      stage: row.stage,
      filedOn,
      dueOn,
      daysOverdue: daysBetween(dueOn, asOf),
    };
  });
  return { items, total: rows[0]?.total ?? 0 };
}
