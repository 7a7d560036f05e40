// The raw-SQL floors of the workspace's other pages for bench:cases: for each page, what Postgres must do at
// the least to produce the data the page shows, written by hand over plain `pg`, apart from lib/server, so the
// page (session, layout, queries through Prisma, rendering) is measured against something it does not share.
// A floor is one statement per independent part of the page, run in parallel as the page runs them.
import type pg from 'pg';

export type PageIds = { firmId: string; advisorId: string; caseId: string; clientId: string; portalClientId: string | null };

export type PageFloor = {
  label: string;
  /** who is signed in for the HTTP figure: a staff email, or 'portal' for the portal client */
  as: 'admin' | 'advisor' | 'portal';
  path: (ids: PageIds) => string;
  /** what the HTML must contain, so an error page is never timed as the page */
  expect: string;
  floor: (pool: pg.Pool, ids: PageIds) => Promise<unknown>;
};

const CASE_PAGE = `
  SELECT c.*, row_to_json(cl) AS client, u.name AS advisor,
    (SELECT json_agg(d ORDER BY d."dueOn", d.kind) FROM "Deadline" d WHERE d."caseId" = c.id AND d.status <> 'SUPERSEDED') AS deadlines,
    (SELECT json_agg(e) FROM (SELECT e.*, a.name AS "actorName" FROM "CaseEvent" e LEFT JOIN "User" a ON a.id = e."actorId"
       WHERE e."caseId" = c.id ORDER BY e."occurredAt" DESC LIMIT 100) e) AS events,
    (SELECT json_agg(n ORDER BY n."createdAt" DESC) FROM "Note" n WHERE n."caseId" = c.id AND n."deletedAt" IS NULL) AS notes,
    (SELECT json_agg(i ORDER BY i.position) FROM "ChecklistItem" i WHERE i."caseId" = c.id) AS checklist,
    (SELECT json_agg(t ORDER BY t."dueOn") FROM "Task" t WHERE t."caseId" = c.id) AS tasks,
    (SELECT json_agg(json_build_object('id', mu.id, 'name', mu.name)) FROM "Membership" m JOIN "User" mu ON mu.id = m."userId"
       WHERE m."firmId" = c."firmId" AND m."deactivatedAt" IS NULL) AS members
  FROM "Case" c JOIN "Client" cl ON cl.id = c."clientId" LEFT JOIN "User" u ON u.id = c."assignedToId"
  WHERE c.id = $1 AND c."firmId" = $2 AND c."deletedAt" IS NULL`;

const CLIENT_PAGE = `
  SELECT cl.*,
    (SELECT json_agg(x ORDER BY x."createdAt" DESC) FROM (SELECT c.id, c.reference, c.procedure, c.stage, c."nextDeadlineOn", c."createdAt", u.name
       FROM "Case" c LEFT JOIN "User" u ON u.id = c."assignedToId" WHERE c."clientId" = cl.id AND c."deletedAt" IS NULL) x) AS cases,
    (SELECT json_agg(d ORDER BY d."createdAt" DESC) FROM "Document" d WHERE d."clientId" = cl.id AND d."deletedAt" IS NULL) AS documents,
    (SELECT json_agg(n) FROM (SELECT * FROM "Note" n WHERE n."clientId" = cl.id AND n."deletedAt" IS NULL ORDER BY n."createdAt" DESC LIMIT 20) n) AS notes,
    (SELECT json_agg(f) FROM "FamilyLink" f WHERE f."clientId" = cl.id OR f."relatedClientId" = cl.id) AS family
  FROM "Client" cl WHERE cl.id = $1 AND cl."firmId" = $2 AND cl."deletedAt" IS NULL`;

const PORTAL_HOME = `
  SELECT cl."firstName", cl."lastName", f.name,
    (SELECT json_agg(x ORDER BY x."createdAt" DESC) FROM (
       SELECT c.id, c.reference, c.procedure, c.stage, c."cardType", c."cardValidUntil", c."createdAt", u.name,
         (SELECT json_agg(d ORDER BY d."dueOn") FROM "Deadline" d WHERE d."caseId" = c.id AND d.actor = 'CLIENT' AND d.status = 'OPEN') AS deadlines
       FROM "Case" c LEFT JOIN "User" u ON u.id = c."assignedToId" WHERE c."clientId" = cl.id AND c."deletedAt" IS NULL) x) AS cases,
    (SELECT json_agg(i) FROM "ChecklistItem" i JOIN "Case" c ON c.id = i."caseId"
       WHERE c."clientId" = cl.id AND i.status IN ('REQUESTED', 'REJECTED')) AS requests
  FROM "Client" cl JOIN "Firm" f ON f.id = cl."firmId" WHERE cl.id = $1 AND cl."firmId" = $2 AND cl."deletedAt" IS NULL`;

// The dashboard's parts, each as the least SQL for it: the advisor's due deadlines and tasks in three buckets
// (first 20 of each and the counts), the live cases by stage (firm and mine), cases waiting on the client,
// the latest events, emails refused for good, and appeal deadlines waiting for a second check.
const DASHBOARD = [
  `WITH items AS (
     SELECT d.id, d."caseId", d."dueOn" FROM "Case" c JOIN "Deadline" d ON d."caseId" = c.id
     WHERE c."firmId" = $1 AND c."assignedToId" = $2 AND c."deletedAt" IS NULL AND c."closedAt" IS NULL AND c.stage <> 'CLOSED'
       AND c."nextDeadlineOn" <= $3::date + 30 AND d.status = 'OPEN' AND d."dueOn" <= $3::date + 30
       AND (d."dueOn" >= $3::date OR d.kind NOT IN ('LONG_TERM_RESIDENCE_ELIGIBLE', 'NATIONALITY_ELIGIBLE', 'DECISION_DUE'))
     UNION ALL
     SELECT t.id, t."caseId", t."dueOn" FROM "Task" t JOIN "Case" c ON c.id = t."caseId"
     WHERE t."firmId" = $1 AND t."doneAt" IS NULL AND t."dueOn" <= $3::date + 30 AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
       AND (t."assigneeId" = $2 OR (t."assigneeId" IS NULL AND c."assignedToId" = $2))
   ), ranked AS (
     SELECT i.*, CASE WHEN i."dueOn" < $3::date THEN 0 WHEN i."dueOn" <= $3::date + 7 THEN 1 ELSE 2 END AS bucket FROM items i
   ), numbered AS (
     SELECT r.*, row_number() OVER (PARTITION BY bucket ORDER BY r."dueOn", r.id) AS rn, count(*) OVER (PARTITION BY bucket) AS total FROM ranked r
   )
   SELECT n.*, c.reference, cl."firstName", cl."lastName" FROM numbered n JOIN "Case" c ON c.id = n."caseId" JOIN "Client" cl ON cl.id = c."clientId"
   WHERE n.rn <= 20`,
  `SELECT stage, count(*), count(*) FILTER (WHERE "assignedToId" = $2) FROM "Case" WHERE "firmId" = $1 AND "deletedAt" IS NULL AND $3::date IS NOT NULL GROUP BY stage`,
  `SELECT i."caseId", count(*) FROM "ChecklistItem" i JOIN "Case" c ON c.id = i."caseId"
   WHERE i."firmId" = $1 AND i.status IN ('REQUESTED', 'REJECTED') AND c."assignedToId" = $2 AND c."closedAt" IS NULL AND $3::date IS NOT NULL
   GROUP BY i."caseId" ORDER BY min(i."requestedAt") LIMIT 20`,
  `SELECT e.*, c.reference, cl."firstName" FROM "CaseEvent" e JOIN "Case" c ON c.id = e."caseId" JOIN "Client" cl ON cl.id = c."clientId"
   WHERE e."firmId" = $1 AND e."occurredAt" <= now() AND $2::text IS NOT NULL AND $3::date IS NOT NULL ORDER BY e."occurredAt" DESC LIMIT 15`,
  `SELECT id, subject, count(*) OVER () FROM "EmailOutbox" WHERE "firmId" = $1 AND status = 'FAILED' AND "permanentFailure" AND "responsibleUserId" = $2 AND $3::date IS NOT NULL
   ORDER BY "createdAt" DESC LIMIT 20`,
  `SELECT f."requireDeadlineConfirmation" FROM "Firm" f WHERE f.id = $1 AND $2::text IS NOT NULL AND $3::date IS NOT NULL`,
];

export const PAGE_FLOORS: PageFloor[] = [
  {
    label: 'case page',
    as: 'admin',
    path: (ids) => `/cases/${ids.caseId}`,
    expect: 'aria-label',
    floor: (pool, ids) => pool.query(CASE_PAGE, [ids.caseId, ids.firmId]),
  },
  {
    label: 'client page',
    as: 'admin',
    path: (ids) => `/clients/${ids.clientId}`,
    expect: '<h1',
    floor: (pool, ids) => pool.query(CLIENT_PAGE, [ids.clientId, ids.firmId]),
  },
  {
    label: 'dashboard (advisor)',
    as: 'advisor',
    path: () => '/dashboard',
    expect: '<h1',
    floor: (pool, ids) => {
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
      return Promise.all(DASHBOARD.map((sql) => pool.query(sql, [ids.firmId, ids.advisorId, today])));
    },
  },
  {
    label: 'portal home',
    as: 'portal',
    path: () => '/portal',
    expect: '<h1',
    floor: (pool, ids) => pool.query(PORTAL_HOME, [ids.portalClientId, ids.firmId]),
  },
];
