// npm run bench:reminders — the reminder sweep and the outbox delivery with 100,000 reminders due on one day.
// A throwaway database (an embedded Postgres in a temp dir, or a new database on DATABASE_URL's server) is
// migrated and filled by SQL with deadlines that make exactly that many reminders due on a fixed day, plus
// deadlines that must not produce one (done, not yet due, digest advisors, closed cases). Then, in a worker
// process of its own (so its memory is the worker's, not the benchmark's or the SMTP sink's):
//   (a) findDueReminders batch by batch, with the sweep's cursors, each next to one hand-written SQL query
//       selecting the same rows (the floor); nothing is written;
//   (b) sweepReminders at 09:00 that day: renders every email, writes the outbox and Reminder rows;
//   (c) deliverDueEmails in a loop, through the nodemailer pool of createMailTransport, to an SMTP sink on
//       127.0.0.1 (run by the benchmark's own process) that counts messages without parsing them, until none is due;
//       as in the worker (whose outbox poll drains what the sweep writes while it goes on), (c) runs next to (b),
//       or after it with --sequential.
// It prints reminders per second for (b), (c) and both (both overlapping, end to end is the time to the last send), the query times, and the worker's peak memory; the
// counts are checked (Reminder rows, SENT outbox rows, messages received) and a difference fails the run.
// Figures only: nothing here is a test, and the machine's other load shows in them.
//
//   npm run bench:reminders -- [--reminders 100000] [--sweep-batch N (default: the sweep's)] [--deliver-batch 50]
//     [--concurrency N (default: deliverDueEmails')] [--worker-node-options="…"] [--sequential] [--sweep-only]
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Db } from '../lib/db';
import type { createMailTransport as CreateMailTransport } from '../lib/email/transport';
import type { DueReminder } from '../lib/server/reminder/find-due-reminders';

const { values: flags } = parseArgs({
  options: {
    reminders: { type: 'string', default: '100000' },
    'sweep-batch': { type: 'string' },
    'deliver-batch': { type: 'string', default: '50' },
    concurrency: { type: 'string' },
    'worker-node-options': { type: 'string', default: process.env.BENCH_WORKER_NODE_OPTIONS ?? '' },
    // The sweep first, then the delivery, each timed on its own (by default they overlap, as in the worker).
    sequential: { type: 'boolean', default: false },
    // Only the sweep (for working on it): nothing is delivered, and the delivery counts are not checked.
    'sweep-only': { type: 'boolean', default: false },
    worker: { type: 'boolean', default: false },
  },
});

// Reminders are due on this day (a Monday, Brussels winter time); the sweep runs at 09:00.
const DAY = '2027-03-15';

type Config = {
  databaseUrl: string;
  smtpUrl: string;
  sweepBatch: number | null;
  deliverBatch: number;
  concurrency: number | null;
  sequential: boolean;
  sweepOnly: boolean;
};

type WorkerResult = {
  sweep: { seconds: number; querySeconds: number; found: number; queued: number; skipped: number; batches: number; batchSize: number };
  /** findDueReminders and the floor, batch by batch on the same rows, before the sweep */
  queryMs: number[];
  floorMs: number[];
  /** findDueReminders as the sweep ran it, next to its writes; the last one is the final look from the top */
  sweepQueryMs: number[];
  floorMismatch: string | null;
  delivery: { seconds: number; calls: number; claimed: number; sent: number; retrying: number; failed: number; lostClaims: number };
  /** the same messages (a sample) sent by the same transport with no database around it */
  smtpFloor: { sent: number; seconds: number } | null;
  memory: { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; sweepRssMb: number; sweepHeapUsedMb: number; startRssMb: number };
  nodeOptions: string;
  /** the kernel's high-water mark of the worker's resident memory (VmHWM), read just before it exits */
  hwmMb?: number;
};

const say = (line: string) => console.log(`[bench] ${line}`);
const ms = (value: number) => value.toFixed(1);
const pair = (s: { median: number; p95: number }) => `${ms(s.median)} / ${ms(s.p95)}`;
const n = (value: number) => Math.round(value).toLocaleString('en');

function stats(samples: number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

// ---------- the floor: one hand-written statement for the reminders due, written apart from lib/server ----------

const floorSql = (cursor: boolean) => `
  SELECT d.id AS "deadlineId", d."firmId", d."caseId", d.kind::text AS kind, d."dueOn", d."opensOn", d.basis, p.lead,
    rc.audience, rc.key AS "recipientKey", rc."userId" AS "recipientUserId", rc.email, rc.locale, rc.name AS "recipientName",
    c.reference AS "caseReference", cl."firstName" AS "clientFirstName", cl."lastName" AS "clientLastName", f.name AS "firmName",
    a.id AS "advisorId", a.name AS "advisorName"
  FROM "Deadline" d
  JOIN "Firm" f ON f.id = d."firmId"
  JOIN "Case" c ON c.id = d."caseId" AND c."firmId" = d."firmId" AND c."deletedAt" IS NULL AND c."closedAt" IS NULL
  JOIN "Client" cl ON cl.id = c."clientId"
  LEFT JOIN "User" a ON a.id = c."assignedToId"
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
    WHERE m."firmId" = d."firmId" AND m."userId" = c."assignedToId" AND m."deactivatedAt" IS NULL AND m."reminderMode" = 'INDIVIDUAL'
      AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= $1::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= $1::date))
    UNION ALL
    SELECT 'CLIENT', 'client:' || cl.id, NULL, cl.email, cl.language::text, cl."firstName"
    WHERE d.actor = 'CLIENT' AND cl."firmId" = d."firmId" AND cl."deletedAt" IS NULL AND cl.email IS NOT NULL
  ) rc
  WHERE d.status = 'OPEN' AND d."dueOn" BETWEEN $1::date AND $1::date + 366
    ${cursor ? `AND (d."dueOn", d.id) >= ($4::date, $5) AND (d."dueOn", d.id, rc.key) > ($4::date, $5, $6)` : ''}
    AND NOT EXISTS (SELECT 1 FROM "Reminder" x WHERE x."deadlineId" = d.id AND x."recipientKey" = rc.key AND x."leadDays" = p.lead)
  ORDER BY d."dueOn", d.id, rc.key
  LIMIT $2`;
const FLOOR_SQL = floorSql(false);
const FLOOR_AFTER_SQL = floorSql(true);

type FloorRow = { deadlineId: string; recipientKey: string; lead: number; email: string; locale: string; caseReference: string; dueOn: Date };
const rowKey = (r: FloorRow) => `${r.deadlineId}|${r.recipientKey}|${r.lead}|${r.email}|${r.locale}|${r.caseReference}`;

async function defaultLeadsJson(): Promise<string> {
  const { DEFAULT_LEAD_DAYS, OPENS } = await import('../lib/server/reminder/lead-times');
  return JSON.stringify(Object.fromEntries(Object.entries(DEFAULT_LEAD_DAYS).map(([kind, leads]) => [kind, leads.map((l) => (l === OPENS ? 'open' : l))])));
}

// ---------- the data ----------

/**
 * `reminders` due on DAY: one deadline a case, a twentieth of them client renewals (their advisor and the
 * client are both reminded), the rest appeals reminded to the advisor; a second firm has its own appeal lead
 * times. Around them, a fifth as many again of each kind of deadline that must stay silent today.
 */
async function seed(client: pg.Client, reminders: number) {
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

// ---------- the SMTP sink: counts what arrives, parses nothing ----------

async function startCountingSink() {
  const { SMTPServer } = await import('smtp-server');
  let messages = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    // No reverse DNS per connection: offline, each lookup waits for its timeout.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: () => ({ messages, bytes }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------- the worker process ----------

async function runWorker(config: Config): Promise<WorkerResult> {
  const peak = { rssMb: 0, heapUsedMb: 0, heapTotalMb: 0, externalMb: 0, sweepRssMb: 0, sweepHeapUsedMb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rssMb = Math.max(peak.rssMb, m.rss / 1048576);
    peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 1048576);
    peak.heapTotalMb = Math.max(peak.heapTotalMb, m.heapTotal / 1048576);
    peak.externalMb = Math.max(peak.externalMb, (m.external + m.arrayBuffers) / 1048576);
  };
  const sampler = setInterval(sample, 50);

  const { getDb } = await import('../lib/db');
  const { sweepReminders, SWEEP_BATCH_SIZE } = await import('../lib/server/reminder/sweep-reminders');
  const { findDueReminders } = await import('../lib/server/reminder/find-due-reminders');
  const { deliverDueEmails } = await import('../lib/email/deliver-outbox');
  const { createMailTransport } = await import('../lib/email/transport');
  const { brusselsMidnight } = await import('../lib/dates');
  const db = getDb();
  const batchSize = config.sweepBatch ?? SWEEP_BATCH_SIZE;
  const defaults = await defaultLeadsJson();
  const startRssMb = process.memoryUsage().rss / 1048576;

  // (a) The sweep's queries, batch by batch, each next to the floor on the same rows. findDueReminders starts each
  // batch past the last row of the one before, so walking the cursor without writing gives the sweep's batches;
  // the floor gets the same cursor, and the two must return the same rows. Nothing is written here.
  const floor = new pg.Client({ connectionString: config.databaseUrl });
  await floor.connect();
  const queryMs: number[] = [];
  const floorMs: number[] = [];
  let floorMismatch: string | null = null;
  const time = async <T>(samples: number[], run: () => Promise<T>) => {
    const started = performance.now();
    const result = await run();
    samples.push(performance.now() - started);
    return result;
  };
  for (let after: DueReminder | null = null; ; ) {
    const cursor: DueReminder | null = after;
    const runLib = (): Promise<DueReminder[]> => time(queryMs, () => findDueReminders(db, { day: DAY, limit: batchSize, after: cursor }));
    const runFloor = (): Promise<FloorRow[]> =>
      time(floorMs, async () => {
        const args = cursor ? [DAY, batchSize, defaults, cursor.dueOn.toISOString().slice(0, 10), cursor.deadlineId, cursor.recipientKey] : [DAY, batchSize, defaults];
        return (await floor.query<FloorRow>(cursor ? FLOOR_AFTER_SQL : FLOOR_SQL, args)).rows;
      });
    // Alternate which goes first, so neither always finds the pages the other just read.
    let lib: DueReminder[];
    let theirs: FloorRow[];
    if (queryMs.length % 2 === 0) {
      lib = await runLib();
      theirs = await runFloor();
    } else {
      theirs = await runFloor();
      lib = await runLib();
    }
    if (!floorMismatch && lib.map(rowKey).join() !== theirs.map(rowKey).join()) {
      floorMismatch = `batch ${queryMs.length}: findDueReminders returned ${lib.length} rows, the floor ${theirs.length}, not the same`;
    }
    if (lib.length < batchSize) break;
    after = lib.at(-1)!;
  }
  await floor.end();

  // (b) The sweep, and (c) the delivery. As in the worker, whose outbox poll (every 5 s) drains what each sweep
  // batch wrote while the sweep goes on, the delivery loop runs next to the sweep unless --sequential asks for
  // one after the other. The sweep's own queries are timed too, next to its writes.
  const sweepQueryMs: number[] = [];
  const timed = new Proxy(db, {
    get(target, prop) {
      if (prop === '$queryRaw') return (...args: Parameters<typeof db.$queryRaw>) => time(sweepQueryMs, () => target.$queryRaw(...args));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const transport = createMailTransport(config.smtpUrl);
  if (!transport) throw new Error('no transport');
  const delivery = { seconds: 0, calls: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, lostClaims: 0 };
  let sweeping = true;
  const started = performance.now();
  const sweepRun = sweepReminders({ db: timed, now: new Date(brusselsMidnight(DAY).getTime() + 9 * 3_600_000), batchSize }).then((report) => {
    sweeping = false;
    sample();
    peak.sweepRssMb = peak.rssMb;
    peak.sweepHeapUsedMb = peak.heapUsedMb;
    return { report, seconds: (performance.now() - started) / 1000 };
  });
  const deliver = async () => {
    while (!config.sweepOnly) {
      const r = await deliverDueEmails({ db, transport, batchSize: config.deliverBatch, ...(config.concurrency ? { concurrency: config.concurrency } : {}) });
      delivery.calls += 1;
      delivery.claimed += r.claimed;
      delivery.sent += r.sent;
      delivery.retrying += r.retrying;
      delivery.failed += r.failed;
      delivery.lostClaims += r.lostClaims;
      if (r.retrying > 0 || r.failed > 0) throw new Error(`delivery failed: ${JSON.stringify(r)}`);
      if (r.claimed === 0 && !sweeping) break;
      // The outbox is empty for now but the sweep is still writing: look again shortly (the worker waits 5 s).
      if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  let sweepResult: Awaited<typeof sweepRun>;
  if (config.sequential) {
    sweepResult = await sweepRun;
    const deliveryStarted = performance.now();
    await deliver();
    delivery.seconds = (performance.now() - deliveryStarted) / 1000;
  } else {
    [sweepResult] = await Promise.all([sweepRun, deliver()]);
    delivery.seconds = (performance.now() - started) / 1000;
  }
  const { report, seconds: sweepSeconds } = sweepResult;
  transport.close();

  // (d) The delivery's floor: a sample of the same messages through the same transport, to the same sink, the
  // same number in flight, with no database: what nodemailer and the sink cost on this machine by themselves.
  const smtpFloor = config.sweepOnly ? null : await sendWithoutDatabase(db, config, createMailTransport);
  await db.$disconnect();
  clearInterval(sampler);
  sample();

  return {
    sweep: { seconds: sweepSeconds, querySeconds: sweepQueryMs.reduce((sum, ms) => sum + ms, 0) / 1000, ...report, batchSize },
    queryMs,
    floorMs,
    sweepQueryMs,
    floorMismatch,
    delivery,
    smtpFloor,
    memory: { ...peak, startRssMb },
    nodeOptions: [
      ...process.execArgv.filter((arg) => arg.startsWith('--max') || arg.startsWith('--optimize')),
      ...(process.env.MALLOC_ARENA_MAX ? [`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}`] : []),
    ].join(' '),
  };
}

const SMTP_FLOOR_SAMPLE = 5_000;

async function sendWithoutDatabase(db: Db, config: Config, createMailTransport: typeof CreateMailTransport) {
  const transport = createMailTransport(config.smtpUrl)!;
  const from = 'Sejour <no-reply@sejour.local>';
  // deliverDueEmails' default, unless --concurrency says otherwise
  const inFlight = config.concurrency ?? 10;
  const select = { id: true, toEmail: true, subject: true, html: true, text: true } as const;
  let sent = 0;
  let seconds = 0;
  // Read a page at a time, outside the timing, so the sample does not grow the worker's memory.
  for (let after: string | undefined; sent < SMTP_FLOOR_SAMPLE; ) {
    const rows = await db.emailOutbox.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: 500, select });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < rows.length) {
          const row = rows[next++]!;
          await transport.sendMail({ from, to: row.toEmail, subject: row.subject, html: row.html, text: row.text, messageId: `<floor-${row.id}@sejour.local>` });
        }
      }),
    );
    seconds += (performance.now() - started) / 1000;
    sent += rows.length;
  }
  transport.close();
  return { sent, seconds };
}

// ---------- the benchmark ----------

async function runBench(): Promise<number> {
  const reminders = Number(flags.reminders);
  const config: Omit<Config, 'databaseUrl' | 'smtpUrl'> = {
    sweepBatch: flags['sweep-batch'] ? Number(flags['sweep-batch']) : null,
    deliverBatch: Number(flags['deliver-batch']),
    concurrency: flags.concurrency ? Number(flags.concurrency) : null,
    sequential: flags.sequential,
    sweepOnly: flags['sweep-only'],
  };
  const { createDatabaseIfMissing } = await import('../lib/dev/dev-database');
  const { databaseUrl, startEmbeddedPostgres } = await import('../lib/dev/embedded-postgres');
  const { deployMigrations } = await import('../lib/dev/migrations');
  const { watchMemory } = await import('./web-server');
  const { dropDatabase } = await import('../tests/integration/support/admin');

  // A throwaway database: on DATABASE_URL's server if set, else in an embedded Postgres of our own.
  let cleanup = async () => {};
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = process.env.DATABASE_URL;
    const name = `sejour_bench_reminders_${process.pid}`;
    await createDatabaseIfMissing(base, name);
    url = databaseUrl(base, name);
    cleanup = () => dropDatabase(base, name);
    say(`database ${name} on DATABASE_URL's server`);
  } else {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'sejour-bench-reminders-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), persistent: false });
    await createDatabaseIfMissing(server.baseUrl, 'sejour_bench');
    url = databaseUrl(server.baseUrl, 'sejour_bench');
    cleanup = async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    };
    say(`embedded Postgres in ${tmp}`);
  }

  let sink: Awaited<ReturnType<typeof startCountingSink>> | null = null;
  const admin = new pg.Client({ connectionString: url });
  // Stopping the server at the end ends this connection from the other side.
  admin.on('error', () => {});
  try {
    await deployMigrations(url, { log: () => {} });
    await admin.connect();
    const seedStarted = performance.now();
    const seeded = await seed(admin, reminders);
    // The floor, run once over everything, says how many reminders are due: the data must make exactly `reminders`.
    const { rows: [due] } = await admin.query<{ count: number }>(`SELECT count(*)::int AS count FROM (${FLOOR_SQL}) x`, [DAY, reminders + 1, await defaultLeadsJson()]);
    if (due!.count !== reminders) throw new Error(`the data makes ${due!.count} reminders due on ${DAY}, not ${reminders}`);
    say(`${n(seeded.cases)} cases, ${n(seeded.deadlines)} deadlines seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ${n(due!.count)} reminders due on ${DAY}`);

    sink = await startCountingSink();
    say(`SMTP sink on ${sink.url}; starting the worker${flags['worker-node-options'] ? ` with ${flags['worker-node-options']}` : ''}…`);
    const execArgv = [...process.execArgv, ...flags['worker-node-options'].split(' ').filter(Boolean)];
    const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
      execArgv,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret!', APP_URL: 'https://sejour.example.be' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const memory = watchMemory(child.pid!);
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      let answer: WorkerResult | null = null;
      child.on('message', (message: { result?: WorkerResult; error?: string }) => {
        if (message.error) reject(new Error(`worker: ${message.error}`));
        else answer = message.result ?? null;
      });
      // The kernel's high-water mark must be read before the process is gone.
      child.on('exit', (code) => (answer && code === 0 ? resolve(answer) : reject(new Error(`worker exited with code ${code}`))));
      child.send({ ...config, databaseUrl: url, smtpUrl: sink!.url } satisfies Config);
    });
    memory.stop();
    const sampledRssMb = memory.peakMb();

    const { rows: [counts] } = await admin.query<{ reminders: number; queued: number; sent: number; outbox: number; attempts: number }>(
      `SELECT (SELECT count(*)::int FROM "Reminder") AS reminders, (SELECT count(*)::int FROM "Reminder" WHERE status = 'QUEUED') AS queued,
         (SELECT count(*)::int FROM "EmailOutbox") AS outbox, (SELECT count(*)::int FROM "EmailOutbox" WHERE status = 'SENT') AS sent,
         (SELECT count(*)::int FROM "EmailAttempt") AS attempts`,
    );
    const received = sink.counts();

    const { sweep, delivery } = result;
    const q = stats(result.queryMs);
    const f = stats(result.floorMs);
    // Overlapping, the delivery's time already runs from the start of the sweep.
    const total = config.sequential ? sweep.seconds + delivery.seconds : Math.max(sweep.seconds, delivery.seconds);
    const rate = (seconds: number) => n(reminders / seconds).padStart(7);
    const rssMb = Math.max(sampledRssMb, result.memory.rssMb, result.hwmMb ?? 0);
    console.log('');
    console.log(
      `Reminders, ${n(reminders)} due on ${DAY} (${n(seeded.cases)} cases, ${n(seeded.deadlines)} deadlines); sweep batches of ${n(sweep.batchSize)}, ` +
        `delivery batches of ${config.deliverBatch} with ${config.concurrency ?? 'the default'} in flight${config.sequential ? ', one after the other' : ', delivering while the sweep writes'}${result.nodeOptions ? `; worker ${result.nodeOptions}` : ''}.`,
    );
    console.log('');
    console.log('                                seconds   reminders/s');
    console.log(`sweep (render, write outbox)   ${sweep.seconds.toFixed(1).padStart(8)}   ${rate(sweep.seconds)}   (${sweep.batches} batches; findDueReminders busy ${sweep.querySeconds.toFixed(1)} s, next to the writes)`);
    if (!config.sweepOnly) {
      console.log(`${config.sequential ? 'delivery (SMTP to the sink)   ' : 'delivery, to the last send    '} ${delivery.seconds.toFixed(1).padStart(8)}   ${rate(delivery.seconds)}   (${delivery.calls} deliverDueEmails calls)`);
      console.log(`end to end                     ${total.toFixed(1).padStart(8)}   ${rate(total)}`);
      const floor = result.smtpFloor;
      if (floor) {
        const floorRate = floor.sent / floor.seconds;
        const deliveryRate = reminders / delivery.seconds;
        console.log(`SMTP floor, no database        ${floor.seconds.toFixed(1).padStart(8)}   ${n(floorRate).padStart(7)}   (${n(floor.sent)} of the same messages, same transport and sink; delivery at ${(deliveryRate / floorRate * 100).toFixed(0)}% of it)`);
      }
    }
    console.log('');
    const inSweep = stats(result.sweepQueryMs.slice(0, -1));
    console.log(`query per batch (${result.queryMs.length} batches, the sweep's cursors, before it ran), ms median / p95:`);
    console.log(`  findDueReminders ${pair(q)}   floor SQL, same rows ${pair(f)}   ratio ${(q.median / f.median).toFixed(2)}x / ${(q.p95 / f.p95).toFixed(2)}x`);
    console.log(`  in the sweep, next to its writes ${pair(inSweep)}; its last look from the top (all ${n(reminders)} written) ${ms(result.sweepQueryMs.at(-1) ?? NaN)}`);
    console.log(
      `worker memory: ${result.memory.startRssMb.toFixed(0)} MB RSS once loaded; peak RSS ${rssMb.toFixed(0)} MB (kernel high-water mark ${result.hwmMb?.toFixed(0) ?? '?'} MB; ${result.memory.sweepRssMb.toFixed(0)} MB by the end of the sweep); ` +
        `heap used peak ${result.memory.heapUsedMb.toFixed(0)} MB (${result.memory.sweepHeapUsedMb.toFixed(0)} MB in the sweep); external + array buffers peak ${result.memory.externalMb.toFixed(0)} MB`,
    );
    console.log(`counts: ${n(counts!.reminders)} Reminder rows (${n(counts!.queued)} QUEUED), ${n(counts!.sent)} of ${n(counts!.outbox)} outbox rows SENT, ${n(counts!.attempts)} attempts, ${n(received.messages - (result.smtpFloor?.sent ?? 0))} messages received by the sink (${(received.bytes / 1048576).toFixed(0)} MB with the floor's ${n(result.smtpFloor?.sent ?? 0)})`);
    const problems = [
      counts!.reminders !== reminders && `${counts!.reminders} Reminder rows`,
      counts!.queued !== reminders && `${counts!.queued} QUEUED reminders`,
      counts!.outbox !== reminders && `${counts!.outbox} outbox rows`,
      !config.sweepOnly && counts!.sent !== reminders && `${counts!.sent} outbox rows SENT`,
      !config.sweepOnly && received.messages !== reminders + (result.smtpFloor?.sent ?? 0) && `${received.messages - (result.smtpFloor?.sent ?? 0)} messages received`,
      sweep.found !== reminders && `the sweep found ${sweep.found}`,
      result.floorMismatch,
    ].filter(Boolean);
    console.log('');
    console.log(`targets: end to end at least 1,000 reminders/s: ${config.sweepOnly ? 'not measured (--sweep-only)' : `${n(reminders / total)} ${reminders / total >= 1000 ? 'met' : 'MISSED'}`}`);
    console.log(`         worker peak RSS under 300 MB: ${rssMb.toFixed(0)} MB ${rssMb < 300 ? 'met' : 'MISSED'}`);
    console.log(`         every reminder written once, sent once, received once: ${problems.length === 0 ? 'yes' : `NO (${problems.join('; ')})`}`);
    return problems.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  } finally {
    await admin.end().catch(() => {});
    await sink?.stop();
    await cleanup();
  }
}

if (flags.worker) {
  // The worker role: wait for the configuration, run, report, exit.
  process.once('message', (config: Config) => {
    runWorker(config).then(
      (result) => {
        const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
        process.send!({ result: { ...result, hwmMb: hwm ? Number(hwm[1]) / 1024 : undefined } }, () => process.exit(0));
      },
      (error: unknown) => {
        process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
      },
    );
  });
} else {
  let exitCode = 1;
  try {
    exitCode = await runBench();
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  // embedded-postgres ends the process with code 0 on beforeExit; say the real outcome explicitly.
  process.exit(exitCode);
}
