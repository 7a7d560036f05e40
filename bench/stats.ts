import os from 'node:os';

// What every benchmark here prints: median and p95 of timed runs, and the machine's load while it ran (the
// figures of a 2-core machine mean little without it).

export type Stats = { median: number; p95: number; p99: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Runs `run` `warmup` times untimed, then `runs` times one after the other, timing each. */
export async function time(run: () => Promise<unknown>, { runs, warmup }: { runs: number; warmup: number }): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** How a benchmark prints a target's outcome. */
export const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
