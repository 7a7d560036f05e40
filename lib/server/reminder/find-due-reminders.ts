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

/** Where the previous batch of the same sweep ended: its last row's place in the order below. */
export type DueReminderCursor = Pick<DueReminder, 'dueOn' | 'deadlineId' | 'recipientKey'>;

// The firm's own lead times win over the defaults, kind by kind; both are JSON lists of days or "open".
const DEFAULTS_JSON = JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_LEAD_DAYS).map(([kind, leads]) => [kind, leads.map((lead) => (lead < 0 ? 'open' : lead))])));
const MAX_LEAD_DAYS = 366;

/**
 * The reminders due on `day` that were never written, oldest deadline first, at most `limit`: one query, so
 * the sweep works in batches and never holds every due row. For each open deadline it takes the one lead time
 * whose day has come most recently (a worker that was down for a week sends the 3-day reminder, not the 14,
 * 7 and 3 at once); the Reminder table, unique per deadline, recipient and lead, says what was already written.
 * Advisors who chose the digest or are on leave get none here; clients only for what they must do themselves.
 *
 * `after` starts the list past a row (the last of the sweep's previous batch). Every row before it was written
 * by that batch, so the result is the same as without it, but the query walks open deadlines in index order
 * (Deadline status, dueOn, id) from there and stops after `limit` rows, instead of recomputing every due
 * reminder and skipping the ones already written, batch after batch.
 */
export async function findDueReminders(db: Db | Tx, { day, limit, after = null }: { day: string; limit: number; after?: DueReminderCursor | null }): Promise<DueReminder[]> {
  // The date as a plain YYYY-MM-DD: a timestamp parameter would be cast to a date in the session's time zone.
  const afterDay = after ? fromDbDate(after.dueOn) : null;
  const from = after ? Prisma.sql`AND (d."dueOn", d."id") >= (${afterDay}::date, ${after.deadlineId})` : Prisma.empty;
  const past = after ? Prisma.sql`AND (d."dueOn", d."id", rc."recipientKey") > (${afterDay}::date, ${after.deadlineId}, ${after.recipientKey})` : Prisma.empty;
  return db.$queryRaw<DueReminder[]>`
    SELECT d."id" AS "deadlineId", d."firmId", d."caseId", d."kind"::text AS "kind", d."dueOn", d."opensOn", d."basis", pick."lead", rc."audience",
      rc."recipientKey", rc."recipientUserId", rc."email", rc."locale", rc."recipientName",
      c."reference" AS "caseReference", cl."firstName" AS "clientFirstName", cl."lastName" AS "clientLastName", f."name" AS "firmName", f."logoKey" AS "firmLogoKey",
      a."id" AS "advisorId", a."name" AS "advisorName"
    FROM "Deadline" d
    JOIN "Firm" f ON f."id" = d."firmId"
    CROSS JOIN LATERAL (
      SELECT l."lead"
      FROM jsonb_array_elements_text(COALESCE(f."settings"->'reminders'->'leadDays'->(d."kind"::text), ${DEFAULTS_JSON}::jsonb->(d."kind"::text), '[]'::jsonb)) AS x(v)
      CROSS JOIN LATERAL (SELECT CASE WHEN x.v = 'open' THEN -1 ELSE x.v::int END AS "lead") l
      CROSS JOIN LATERAL (SELECT CASE WHEN l."lead" = -1 THEN d."opensOn" ELSE d."dueOn" - l."lead" END AS "on") r
      WHERE r."on" <= ${day}::date
      ORDER BY r."on" DESC
      LIMIT 1
    ) pick
    JOIN "Case" c ON c."id" = d."caseId" AND c."firmId" = d."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
    JOIN "Client" cl ON cl."id" = c."clientId"
    LEFT JOIN "User" a ON a."id" = c."assignedToId"
    CROSS JOIN LATERAL (
      SELECT 'ADVISOR' AS "audience", 'user:' || u."id" AS "recipientKey", u."id" AS "recipientUserId", u."email", u."locale"::text AS "locale", u."name" AS "recipientName"
      FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      WHERE m."firmId" = d."firmId" AND m."userId" = c."assignedToId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
        AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= ${day}::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= ${day}::date))
      UNION ALL
      SELECT 'CLIENT', 'client:' || cl."id", NULL, cl."email", cl."language"::text, cl."firstName"
      WHERE d."actor" = 'CLIENT' AND cl."firmId" = d."firmId" AND cl."deletedAt" IS NULL AND cl."email" IS NOT NULL
    ) rc
    WHERE d."status" = 'OPEN' AND d."dueOn" >= ${day}::date AND d."dueOn" <= ${day}::date + ${MAX_LEAD_DAYS}::int ${from}
      AND NOT EXISTS (SELECT 1 FROM "Reminder" x WHERE x."deadlineId" = d."id" AND x."recipientKey" = rc."recipientKey" AND x."leadDays" = pick."lead") ${past}
    ORDER BY d."dueOn", d."id", rc."recipientKey"
    LIMIT ${limit}`;
}
