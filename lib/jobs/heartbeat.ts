import os from 'node:os';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const HEARTBEAT_QUEUE = 'heartbeat';

/** A reminder sweep that finished: when, and how long it took. */
export type SweepStats = { at: Date; ms: number };

/**
 * Records that this worker is alive; /api/health and the status page show the last beat. With `sweep`, also its
 * last finished reminder sweep (/api/metrics): a finished sweep is a beat too. An upsert either way, because the
 * first sweep starts while the worker starts and may finish before its first plain beat.
 */
export async function recordHeartbeat(db: PrismaClient, worker: string, startedAt: Date, sweep?: SweepStats): Promise<Date> {
  const beatAt = new Date();
  const stats = sweep ? { lastSweepAt: sweep.at, lastSweepMs: Math.round(sweep.ms) } : {};
  await db.workerHeartbeat.upsert({
    where: { worker },
    create: { worker, hostname: os.hostname(), pid: process.pid, beatAt, startedAt, ...stats },
    update: { hostname: os.hostname(), pid: process.pid, beatAt, ...stats },
  });
  return beatAt;
}
