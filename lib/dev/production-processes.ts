import { existsSync } from 'node:fs';

// How production runs the two processes, in one place for `npm start` and the benchmarks that measure it (the
// Dockerfile repeats it, as a Dockerfile must).
//
// Heap caps: V8 otherwise lets the heap grow lazily past 500 MB under load; with these the web server peaked at
// 292 MB RSS in bench:cases, a 100,000-row export included, and the worker stayed under 300 MB through
// bench:reminders. One malloc arena per thread is glibc's default; two is enough and keeps RSS down.
// Preloads into the web server: render-limit queues renders beyond one per core (its header says why);
// http-metrics times every request for /api/metrics.

const WEB_PRELOADS = ['./scripts/render-limit.mjs', './scripts/http-metrics.mjs'];

export function webNodeOptions(): string {
  const preloads = WEB_PRELOADS.filter((file) => existsSync(file)).map((file) => `--import ${file}`);
  return ['--max-old-space-size=160', '--max-semi-space-size=8', ...preloads].join(' ');
}

export const WORKER_NODE_OPTIONS = '--max-old-space-size=144 --max-semi-space-size=4';

export const PRODUCTION_PROCESS_ENV = { MALLOC_ARENA_MAX: '2', NEXT_TELEMETRY_DISABLED: '1' } as const;
