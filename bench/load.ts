// npm run bench:load — the workspace under a busy firm's load: autocannon against `next start` (with npm start's
// environment) on the 100,000-case firm, 32 connections for 30 s on each of the cases page, a case page, the
// dashboard and the portal home, each signed in as the real person who opens it (admin, advisor, portal
// client). Prints req/s, latency p50/p95/p99, non-2xx responses and errors, the web server's peak RSS and the
// machine's load average. Figures only: nothing here asserts. BENCH_LOAD_SECONDS and BENCH_CONNECTIONS change
// the run.
import autocannon from 'autocannon';
import { auditNote, openBenchFirm, signInAll, type Who } from './bench-firm';
import type { PageIds } from './page-floors';
import { loadAverage, stats, verdict } from './stats';
import { startWebServer, watchMemory } from './web-server';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

type Target = { label: string; who: Who | null; path: (ids: PageIds) => string; expect: string; minRate?: number };

const TARGETS: Target[] = [
  { label: 'cases page', who: 'admin', path: () => '/cases', expect: '<table', minRate: 150 },
  { label: 'case page', who: 'admin', path: (ids) => `/cases/${ids.caseId}`, expect: 'aria-label' },
  { label: 'dashboard (advisor)', who: 'advisor', path: () => '/dashboard', expect: '<h1' },
  { label: 'portal home', who: 'portal', path: () => '/portal', expect: '<h1' },
  // For reading the figures: what this app's pages cost with no data and no session (the sign-in page: the
  // root layout, the catalogue, one form), and Next's own cost of a route handler with three small queries.
  { label: 'ref: sign-in page', who: null, path: () => '/sign-in', expect: '<form' },
  { label: 'ref: /api/health', who: null, path: () => '/api/health', expect: '"database"' },
];

type Result = { target: Target; rate: number; requests: number; p50: number; p95: number; p99: number; non2xx: number; errors: number; timeouts: number; peakMb: number; load: string };

const say = (line: string) => console.log(`[bench] ${line}`);

const loadAtStart = loadAverage();
const firm = await openBenchFirm(say);
let exitCode = 0;
try {
  say(`firm: ${firm.cases.toLocaleString('en')} cases; ${CONNECTIONS} connections for ${SECONDS} s per page; load average ${loadAtStart}`);
  const server = await startWebServer(firm.database.url);
  const memory = watchMemory(server.pid);
  const results: Result[] = [];
  let highWaterMb = 0;
  try {
    const cookies = await signInAll(server.url, firm);
    const { getDb } = await import('../lib/db');
    await getDb().$disconnect();
    for (const target of TARGETS) {
      const url = `${server.url}${target.path(firm.ids)}`;
      const headers: Record<string, string> = { 'Accept-Language': 'en', ...(target.who ? { Cookie: cookies[target.who] } : {}) };
      // Once by hand first: a redirect to sign-in or an error page must not be measured as the page.
      const check = await fetch(url, { headers, redirect: 'manual' });
      const body = await check.text();
      if (check.status !== 200 || !body.includes(target.expect)) throw new Error(`${target.label} answered ${check.status} without ${target.expect}`);
      // Warm the route's code and the database cache, so every page is measured in the same state.
      await autocannon({ url, headers, connections: 4, duration: 3 });
      memory.reset();
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
        // autocannon's own percentiles skip p95; every response's time is kept to compute it.
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
      const { median, p95, p99 } = stats(latencies);
      results.push({
        target,
        rate: result.requests.total / (result.duration || SECONDS),
        requests: result.requests.total,
        p50: median,
        p95,
        p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        peakMb: memory.peakMb(),
        load: loadAverage(),
      });
      say(`${target.label}: ${result.requests.total} requests`);
    }
  } finally {
    memory.stop();
    highWaterMb = memory.highWaterMb();
    await server.stop();
  }
  console.log('');
  console.log(`Under load: ${CONNECTIONS} connections for ${SECONDS} s per page, ${firm.cases.toLocaleString('en')}-case firm, next start with npm start's environment.`);
  console.log(`Latency in milliseconds over every response of the run.`);
  console.log('');
  console.log('page                    req/s   requests    p50      p95      p99   non-2xx  errors  peak RSS  load average after');
  for (const r of results) {
    console.log(
      `${r.target.label.padEnd(21)} ${r.rate.toFixed(1).padStart(7)} ${String(r.requests).padStart(9)} ${r.p50.toFixed(0).padStart(6)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)} ${r.peakMb.toFixed(0).padStart(6)} MB  ${r.load}`,
    );
  }
  const cases = results.find((r) => r.target.minRate)!;
  const failures = results.filter((r) => r.target.who).reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const peakMb = Math.max(...results.map((r) => r.peakMb));
  console.log('');
  console.log(`targets: at least ${cases.target.minRate} req/s on the cases page: ${cases.rate.toFixed(1)} req/s ${verdict(cases.rate >= cases.target.minRate!)}`);
  console.log(`         0 errors or non-2xx on the four pages: ${failures} ${verdict(failures === 0)}`);
  console.log(`         web server peak RSS under 300 MB: ${peakMb.toFixed(0)} MB (VmHWM over the run ${highWaterMb.toFixed(0)} MB) ${verdict(peakMb < 300)}`);
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`);
  console.log('');
  console.log(auditNote);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  exitCode = 1;
} finally {
  await firm.pool.end();
  await firm.database.stop();
}
process.exit(exitCode);
