// The data of bench:reminders: the rows it seeds (that many reminders due on DAY, and deadlines that must stay
// silent around them) and the floor, one hand-written statement selecting the reminders due, written apart
// from lib/server so that the sweep's query is measured against something it does not share.
import type pg from 'pg';

// Reminders are due on this day (a Monday, Brussels winter time); the sweep runs at 09:00.
export const DAY = '2027-03-15';

// ---------- the floor: one hand-written statement for the reminders due, written apart from lib/server ----------

// The same batch as the sweep's: the next $2 open deadlines whose look day has come, past ($4, $5) when given.
// Written in two fenced parts: as one flat join the planner spends longer choosing a join order than running it.
const floorSql = (cursor: boolean) => `
  WITH page AS MATERIALIZED (
    SELECT d.id FROM "Deadline" d
    WHERE d.status = 'OPEN' AND d."remindOn" <= $1::date ${cursor ? `AND (d."remindOn", d.id) > ($4::date, $5)` : ''}
    ORDER BY d."remindOn", d.id LIMIT $2),
  dd AS MATERIALIZED (
    SELECT d.id, d."firmId", d."caseId", d.kind, d."dueOn", d."opensOn", d.basis, d.actor, c.reference, c."assignedToId",
      cl.id AS "clientId", cl."firmId" AS "clientFirm", cl."deletedAt" AS "clientDeleted", cl.email AS "clientEmail", cl.language,
      cl."firstName", cl."lastName", a.id AS "advisorId", a.name AS "advisorName"
    FROM page JOIN "Deadline" d ON d.id = page.id
    JOIN "Case" c ON c.id = d."caseId" AND c."firmId" = d."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
    JOIN "Client" cl ON cl.id = c."clientId"
    LEFT JOIN "User" a ON a.id = c."assignedToId"
    WHERE d."dueOn" >= $1::date)
  SELECT d.id AS "deadlineId", d."firmId", d."caseId", d.kind::text AS kind, d."dueOn", d."opensOn", d.basis, p.lead,
    rc.audience, rc.key AS "recipientKey", rc."userId" AS "recipientUserId", rc.email, rc.locale, rc.name AS "recipientName",
    d.reference AS "caseReference", d."firstName" AS "clientFirstName", d."lastName" AS "clientLastName", f.name AS "firmName",
    d."advisorId", d."advisorName"
  FROM dd d JOIN "Firm" f ON f.id = d."firmId"
  CROSS JOIN LATERAL (
    SELECT CASE WHEN v = 'open' THEN -1 ELSE v::int END AS lead
    FROM jsonb_array_elements_text(COALESCE(f.settings #> ARRAY['reminders', 'leadDays', d.kind::text], $3::jsonb -> d.kind::text, '[]')) AS v
    WHERE CASE WHEN v = 'open' THEN d."opensOn" ELSE d."dueOn" - v::int END <= $1::date
    ORDER BY CASE WHEN v = 'open' THEN d."opensOn" ELSE d."dueOn" - v::int END DESC
    LIMIT 1
  ) p
  CROSS JOIN LATERAL (
    SELECT 'ADVISOR' AS audience, 'user:' || u.id AS key, u.id AS "userId", u.email, u.locale::text AS locale, u.name
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."firmId" = d."firmId" AND m."userId" = d."assignedToId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
      AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= $1::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= $1::date))
    UNION ALL
    SELECT 'CLIENT', 'client:' || d."clientId", NULL, d."clientEmail", d.language::text, d."firstName"
    WHERE d.actor = 'CLIENT' AND d."clientFirm" = d."firmId" AND d."clientDeleted" IS NULL AND d."clientEmail" IS NOT NULL
  ) rc
  WHERE NOT EXISTS (SELECT 1 FROM "Reminder" x WHERE x."deadlineId" = d.id AND x."recipientKey" = rc.key AND x."leadDays" = p.lead)
  ORDER BY d."dueOn", d.id, rc.key`;

export const FLOOR_SQL = floorSql(false);
export const FLOOR_AFTER_SQL = floorSql(true);

export type FloorRow = { deadlineId: string; recipientKey: string; lead: number; email: string; locale: string; caseReference: string; dueOn: Date };
export const rowKey = (r: FloorRow) => `${r.deadlineId}|${r.recipientKey}|${r.lead}|${r.email}|${r.locale}|${r.caseReference}`;

export async function defaultLeadsJson(): Promise<string> {
  const { DEFAULT_LEAD_DAYS, OPENS } = await import('../lib/server/reminder/lead-times');
  return JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_LEAD_DAYS).map(([kind, leads]) => [kind, leads.map((l) => (l === OPENS ? 'open' : l))])));
}

// ---------- the data ----------

/**
 * `reminders` due on DAY: one deadline a case, a twentieth of them client renewals (their advisor and the
 * client are both reminded), the rest appeals reminded to the advisor; a second firm has its own appeal lead
 * times. Around them, a fifth as many again of each kind of deadline that must stay silent today.
 */
export async function seed(client: pg.Client, reminders: number) {
  const renewals = Math.floor(reminders / 20);
  const due = reminders - renewals; // cases with a due deadline
  const quiet = Math.floor(reminders / 5);
  await client.query('BEGIN');
  await client.query(`INSERT INTO "Firm" (id, name, slug, settings, "updatedAt") VALUES
    ('bench-firm-1', 'Peeters Advocaten', 'bench-reminders-1', '{}', now()),
    ('bench-firm-2', 'Cabinet Dubois & Associés', 'bench-reminders-2', '{"reminders":{"leadDays":{"APPEAL":[10,7,2]}}}', now())`);
  // Advisors 1-40 get individual reminders; 41-44 chose the digest. Odd ones work at firm 1, even ones at firm 2.
  await client.query(`INSERT INTO "User" (id, email, name, locale, "updatedAt")
    SELECT 'bench-user-' || g, 'advisor' || g || '@bench.example', (ARRAY['Sofie', 'Claire', 'Jan', 'Nadia'])[1 + g % 4] || ' Advisor' || g,
      (ARRAY['en', 'nl', 'fr'])[1 + g % 3]::"Locale", now()
    FROM generate_series(1, 44) g`);
  await client.query(`INSERT INTO "Membership" (id, "firmId", "userId", role, "reminderMode", "updatedAt")
    SELECT 'bench-member-' || g, 'bench-firm-' || (1 + g % 2), 'bench-user-' || g, 'ADVISOR',
      (CASE WHEN g > 40 THEN 'DIGEST' ELSE 'INDIVIDUAL' END)::"ReminderMode", now()
    FROM generate_series(1, 44) g`);
  // Cases 1..due carry the due deadlines; then `quiet` cases of digest advisors, then `quiet` closed cases.
  await client.query(
    `CREATE TEMP TABLE bench_case ON COMMIT DROP AS
     SELECT i, lpad(i::text, 7, '0') AS num, g, 'bench-firm-' || (1 + g % 2) AS firm
     FROM (SELECT i, CASE WHEN i <= $1::int THEN 1 + (i - 1) % 40 WHEN i <= $1::int + $2::int THEN 41 + i % 4 ELSE 1 + i % 40 END AS g
           FROM generate_series(1, $1::int + 2 * $2::int) i) s`,
    [due, quiet],
  );
  await client.query(`INSERT INTO "Client" (id, "firmId", "fileNumber", "firstName", "lastName", nationality, citizenship, language, email, "searchText", "updatedAt")
    SELECT 'bench-client-' || num, firm, 'B-' || num,
      (ARRAY['Amina', 'Jan', 'Élodie', 'Mehmet', 'Sofie', 'Youssef', 'Chloé', 'Pieter', 'Fatima', 'Lucas'])[1 + i % 10],
      (ARRAY['Haddad', 'Peeters', 'Dubois', 'Yilmaz', 'Janssens', 'El Amrani', 'Lambert', 'Maes', 'Nguyen', 'Claes'])[1 + (i / 10) % 10],
      'MA', 'NON_EU', (ARRAY['nl', 'fr', 'en'])[1 + i % 3]::"Locale", 'client' || i || '@client.example', '', now()
    FROM bench_case`);
  await client.query(
    `INSERT INTO "Case" (id, "firmId", "clientId", reference, procedure, "assignedToId", "closedAt", "updatedAt")
     SELECT 'bench-case-' || num, firm, 'bench-client-' || num, 'B-' || num || '-1', 'APPEAL_RVV', 'bench-user-' || g,
       CASE WHEN i > $1::int + $2::int THEN now() END, now()
     FROM bench_case`,
    [due, quiet],
  );
  const deadline = (select: string, args: unknown[]) =>
    client.query(
      `INSERT INTO "Deadline" (id, "firmId", "caseId", key, kind, "dueOn", "opensOn", basis, confidence, actor, status, "updatedAt")
       SELECT 'bench-deadline-' || num || '-' || suffix, firm, 'bench-case-' || num, suffix, kind::"DeadlineKind", "dueOn", "opensOn", basis, 'H', actor::"Actor", status::"DeadlineStatus", now()
       FROM (${select}) s`,
      args,
    );
  const appeal = `'APPEAL' AS kind, NULL::date AS "opensOn", 'Art. 39/57 §1 Aliens Act (30 days from notification)' AS basis, 'ADVISOR' AS actor`;
  // Due: an appeal whose 7-day reminder is today (firm 2 reminds at 10, 7 and 2 days: 7 too), or a renewal window opening today.
  await deadline(
    `SELECT num, firm, 'due' AS suffix, $1::date + 7 AS "dueOn", ${appeal}, 'OPEN' AS status FROM bench_case WHERE i <= $2::int
     UNION ALL
     SELECT num, firm, 'due', $1::date + 60, 'RENEWAL_WINDOW', $1::date, 'Art. 13 §3 Royal Decree of 8 October 1981', 'CLIENT', 'OPEN' FROM bench_case WHERE i > $2::int AND i <= $3::int`,
    [DAY, due - renewals, due],
  );
  // Silent today: done; not yet (no lead has come); digest advisors' cases; closed cases.
  await deadline(
    `SELECT num, firm, 'done' AS suffix, $1::date + 7 AS "dueOn", ${appeal}, 'DONE' AS status FROM bench_case WHERE i <= $2::int
     UNION ALL
     SELECT num, firm, 'later', $1::date + 30, ${appeal}, 'OPEN' FROM bench_case WHERE i > $2::int AND i <= 2 * $2::int
     UNION ALL
     SELECT num, firm, 'due', $1::date + 7, ${appeal}, 'OPEN' FROM bench_case WHERE i > $3::int`,
    [DAY, quiet, due],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
  const { rows: [counts] } = await client.query<{ cases: number; deadlines: number }>(
    'SELECT (SELECT count(*)::int FROM "Case") AS cases, (SELECT count(*)::int FROM "Deadline") AS deadlines',
  );
  return { cases: counts!.cases, deadlines: counts!.deadlines, renewals };
}
