import { fromDbDate } from '@/lib/dates';
import type { Db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DeadlineKind } from '@/lib/rules/vocabulary';
import { DEFAULT_LEAD_DAYS } from './lead-times';

export type DueReminder = {
  deadlineId: string;
  firmId: string;
  caseId: string;
  kind: DeadlineKind;
  dueOn: Date;
  opensOn: Date | null;
  basis: string;
  lead: number;
  audience: 'ADVISOR' | 'CLIENT';
  recipientKey: string;
  recipientUserId: string | null;
  email: string;
  locale: 'en' | 'nl' | 'fr';
  recipientName: string | null;
  caseReference: string;
  clientFirstName: string;
  clientLastName: string;
  firmName: string;
  firmLogoKey: string | null;
  advisorId: string | null;
  advisorName: string | null;
};

/** A deadline the sweep looks at: its id, and the dates its next look is planned from (see moveOnDeadlines). */
export type LookedDeadline = { deadlineId: string; remindOn: Date; dueOn: Date; opensOn: Date | null; kind: DeadlineKind };

// The firm's own lead times win over the defaults, kind by kind; both are JSON lists of days or "open".
const DEFAULTS_JSON = JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_LEAD_DAYS).map(([kind, leads]) => [kind, leads.map((lead) => (lead < 0 ? 'open' : lead))])));

/** Each lead of deadline `d` (firm `f`) as the day it falls on, in a column "on". */
const leadDays = Prisma.sql`
  jsonb_array_elements_text(COALESCE(f."settings"->'reminders'->'leadDays'->(d."kind"::text), ${DEFAULTS_JSON}::jsonb->(d."kind"::text), '[]'::jsonb)) AS x(v)
  CROSS JOIN LATERAL (SELECT CASE WHEN x.v = 'open' THEN -1 ELSE x.v::int END AS "lead") l
  CROSS JOIN LATERAL (SELECT CASE WHEN l."lead" = -1 THEN d."opensOn" ELSE d."dueOn" - l."lead" END AS "on") r`;

/**
 * The next `limit` open deadlines, across firms, whose look day (Deadline.remindOn) has come by `day`, in
 * (remindOn, id) order from past `after`: one range of a partial index, so a sweep with nothing due reads nothing.
 */
export async function findDeadlinesToLook(db: Db | Tx, { day, limit, after = null }: { day: string; limit: number; after?: LookedDeadline | null }): Promise<LookedDeadline[]> {
  const past = after ? Prisma.sql`AND (d."remindOn", d."id") > (${fromDbDate(after.remindOn)}::date, ${after.deadlineId})` : Prisma.empty;
  return db.$queryRaw<LookedDeadline[]>`
    SELECT d."id" AS "deadlineId", d."remindOn", d."dueOn", d."opensOn", d."kind"::text AS "kind"
    FROM "Deadline" d
    WHERE d."status" = 'OPEN' AND d."remindOn" <= ${day}::date ${past}
    ORDER BY d."remindOn", d."id"
    LIMIT ${limit}`;
}

/**
 * The reminders due on `day` for these deadlines that were never written. For each it takes the one lead time
 * whose day has come most recently (a worker that was down for a week sends the 3-day reminder, not the 14,
 * 7 and 3 at once); the Reminder table, unique per deadline, recipient and lead, says what was already written.
 * Advisors who chose the digest or are on leave get none here; clients only for what they must do themselves.
 */
export async function findDueReminders(db: Db | Tx, { day, deadlineIds }: { day: string; deadlineIds: string[] }): Promise<DueReminder[]> {
  if (deadlineIds.length === 0) return [];
  // The deadlines with their case, client, firm and advisor first, fenced off in a materialized CTE: as one
  // flat join of ten relations the planner searched join orders for 16 ms a batch to run it in 5; in two parts
  // each plans in well under a millisecond.
  return db.$queryRaw<DueReminder[]>`
    WITH d AS MATERIALIZED (
      SELECT d."id", d."firmId", d."caseId", d."kind", d."dueOn", d."opensOn", d."basis", d."actor", c."reference", c."assignedToId",
        cl."id" AS "clientId", cl."firmId" AS "clientFirmId", cl."deletedAt" AS "clientDeletedAt", cl."email" AS "clientEmail",
        cl."language" AS "clientLanguage", cl."firstName" AS "clientFirstName", cl."lastName" AS "clientLastName",
        a."id" AS "advisorId", a."name" AS "advisorName"
      FROM "Deadline" d
      JOIN "Case" c ON c."id" = d."caseId" AND c."firmId" = d."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
      JOIN "Client" cl ON cl."id" = c."clientId"
      LEFT JOIN "User" a ON a."id" = c."assignedToId"
      WHERE d."id" = ANY(${deadlineIds}::text[]) AND d."status" = 'OPEN' AND d."dueOn" >= ${day}::date
    )
    SELECT d."id" AS "deadlineId", d."firmId", d."caseId", d."kind"::text AS "kind", d."dueOn", d."opensOn", d."basis", pick."lead", rc."audience",
      rc."recipientKey", rc."recipientUserId", rc."email", rc."locale", rc."recipientName",
      d."reference" AS "caseReference", d."clientFirstName", d."clientLastName", f."name" AS "firmName", f."logoKey" AS "firmLogoKey",
      d."advisorId", d."advisorName"
    FROM d
    JOIN "Firm" f ON f."id" = d."firmId"
    CROSS JOIN LATERAL (
      SELECT l."lead" FROM ${leadDays}
      WHERE r."on" <= ${day}::date
      ORDER BY r."on" DESC
      LIMIT 1
    ) pick
    CROSS JOIN LATERAL (
      SELECT 'ADVISOR' AS "audience", 'user:' || u."id" AS "recipientKey", u."id" AS "recipientUserId", u."email", u."locale"::text AS "locale", u."name" AS "recipientName"
      FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      WHERE m."firmId" = d."firmId" AND m."userId" = d."assignedToId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
        AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= ${day}::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= ${day}::date))
      UNION ALL
      SELECT 'CLIENT', 'client:' || d."clientId", NULL, d."clientEmail", d."clientLanguage"::text, d."clientFirstName"
      WHERE d."actor" = 'CLIENT' AND d."clientFirmId" = d."firmId" AND d."clientDeletedAt" IS NULL AND d."clientEmail" IS NOT NULL
    ) rc
    WHERE NOT EXISTS (SELECT 1 FROM "Reminder" x WHERE x."deadlineId" = d."id" AND x."recipientKey" = rc."recipientKey" AND x."leadDays" = pick."lead")
    ORDER BY d."dueOn", d."id", rc."recipientKey"`;
}

/**
 * After a look on `day`, each deadline's next look is the day of its next lead after `day`, or never (null)
 * when none is left; in the transaction that writes what the look found. A deadline changed since it was read
 * (moved, another kind, closed) is left alone: the trigger has already planned a new look at it.
 */
export async function moveOnDeadlines(tx: Tx, { day, looked }: { day: string; looked: LookedDeadline[] }): Promise<void> {
  if (looked.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Deadline" d SET "remindOn" = (SELECT min(r."on") FROM ${leadDays} WHERE r."on" > ${day}::date)
    FROM "Firm" f, unnest(
      ${looked.map((l) => l.deadlineId)}::text[], ${looked.map((l) => fromDbDate(l.dueOn))}::date[],
      ${looked.map((l) => (l.opensOn ? fromDbDate(l.opensOn) : null))}::date[], ${looked.map((l) => l.kind)}::"DeadlineKind"[]
    ) AS seen("id", "dueOn", "opensOn", "kind")
    WHERE d."id" = seen."id" AND f."id" = d."firmId" AND d."status" = 'OPEN'
      AND d."dueOn" = seen."dueOn" AND d."opensOn" IS NOT DISTINCT FROM seen."opensOn" AND d."kind" = seen."kind"`;
}
