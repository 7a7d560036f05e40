import type { Db, Tx } from '@/lib/db';
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
  advisorId: string | null;
  advisorName: string | null;
};

// The firm's own lead times win over the defaults, kind by kind; both are JSON lists of days or "open".
const DEFAULTS_JSON = JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_LEAD_DAYS).map(([kind, leads]) => [kind, leads.map((lead) => (lead < 0 ? 'open' : lead))])));
const MAX_LEAD_DAYS = 366;

/**
 * The reminders due on `day` that were never written, oldest deadline first, at most `limit`: one query, so
 * the sweep works in batches and never holds every due row. For each open deadline it takes the one lead time
 * whose day has come most recently (a worker that was down for a week sends the 3-day reminder, not the 14,
 * 7 and 3 at once); the Reminder table, unique per deadline, recipient and lead, says what was already written.
 * Advisors who chose the digest or are on leave get none here; clients only for what they must do themselves.
 */
export async function findDueReminders(db: Db | Tx, { day, limit }: { day: string; limit: number }): Promise<DueReminder[]> {
  return db.$queryRaw<DueReminder[]>`
    WITH due AS (
      SELECT d."id", d."firmId", d."caseId", d."kind", d."dueOn", d."opensOn", d."basis", d."actor", pick."lead"
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
      WHERE d."status" = 'OPEN' AND d."dueOn" >= ${day}::date AND d."dueOn" <= ${day}::date + ${MAX_LEAD_DAYS}::int
    ),
    recipients AS (
      SELECT due.*, 'ADVISOR' AS "audience", 'user:' || u."id" AS "recipientKey", u."id" AS "recipientUserId", u."email", u."locale"::text AS "locale", u."name" AS "recipientName", c."id" AS "cId"
      FROM due
      JOIN "Case" c ON c."id" = due."caseId" AND c."firmId" = due."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
      JOIN "Membership" m ON m."firmId" = due."firmId" AND m."userId" = c."assignedToId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
        AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= ${day}::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= ${day}::date))
      JOIN "User" u ON u."id" = m."userId"
      UNION ALL
      SELECT due.*, 'CLIENT', 'client:' || cl."id", NULL, cl."email", cl."language"::text, cl."firstName", c."id"
      FROM due
      JOIN "Case" c ON c."id" = due."caseId" AND c."firmId" = due."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
      JOIN "Client" cl ON cl."id" = c."clientId" AND cl."firmId" = due."firmId" AND cl."deletedAt" IS NULL AND cl."email" IS NOT NULL
      WHERE due."actor" = 'CLIENT'
    )
    SELECT r."id" AS "deadlineId", r."firmId", r."caseId", r."kind"::text AS "kind", r."dueOn", r."opensOn", r."basis", r."lead", r."audience",
      r."recipientKey", r."recipientUserId", r."email", r."locale", r."recipientName",
      c."reference" AS "caseReference", cl."firstName" AS "clientFirstName", cl."lastName" AS "clientLastName", f."name" AS "firmName",
      a."id" AS "advisorId", a."name" AS "advisorName"
    FROM recipients r
    JOIN "Case" c ON c."id" = r."cId"
    JOIN "Client" cl ON cl."id" = c."clientId"
    JOIN "Firm" f ON f."id" = r."firmId"
    LEFT JOIN "User" a ON a."id" = c."assignedToId"
    WHERE NOT EXISTS (SELECT 1 FROM "Reminder" x WHERE x."deadlineId" = r."id" AND x."recipientKey" = r."recipientKey" AND x."leadDays" = r."lead")
    ORDER BY r."dueOn", r."id", r."recipientKey"
    LIMIT ${limit}`;
}
