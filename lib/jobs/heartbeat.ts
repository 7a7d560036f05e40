import os from 'node:os';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const HEARTBEAT_QUEUE = 'heartbeat';

/** Records that this worker is alive; /api/health and the status page show the last beat. */
export async function recordHeartbeat(db: PrismaClient, worker: string, startedAt: Date): Promise<Date> {
  const beatAt = new Date();
  await db.workerHeartbeat.upsert({
    where: { worker },
    create: { worker, hostname: os.hostname(), pid: process.pid, beatAt, startedAt },
    update: { hostname: os.hostname(), pid: process.pid, beatAt },
  });
  return beatAt;
}
