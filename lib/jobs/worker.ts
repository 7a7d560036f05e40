import os from 'node:os';
import { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { registerBackupJobs } from './backup-jobs';
import { registerEmailJobs } from './email-jobs';
import { HEARTBEAT_QUEUE, recordHeartbeat } from './heartbeat';
import { registerImportPurgeJobs } from './import-purge-jobs';
import { registerReminderJobs } from './reminder-jobs';

// The worker runs on the same Postgres as the app. pg-boss claims jobs with SKIP LOCKED, so any number
// of worker processes can run side by side; a cron schedule is fired once across all of them.

export type Worker = { name: string; stop: () => Promise<void> };

export async function startWorker(options: {
  databaseUrl: string;
  db: PrismaClient;
  log: (message: string, extra?: Record<string, unknown>) => void;
}): Promise<Worker> {
  const name = `${os.hostname()}:${process.pid}`;
  const startedAt = new Date();
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: 'pgboss' });
  boss.on('error', (error) => options.log('pg-boss error', { error: error instanceof Error ? error.message : JSON.stringify(error) }));
  await boss.start();

  await boss.createQueue(HEARTBEAT_QUEUE);
  await boss.schedule(HEARTBEAT_QUEUE, '* * * * *', null, { tz: 'Europe/Brussels' });
  await boss.work(HEARTBEAT_QUEUE, async () => {
    await recordHeartbeat(options.db, name, startedAt);
  });

  const emailJobs = await registerEmailJobs(boss, { db: options.db, log: options.log });
  await registerReminderJobs(boss, { db: options.db, log: options.log, deliverNow: emailJobs.deliverNow, worker: { name, startedAt } });
  await registerImportPurgeJobs(boss, { db: options.db, log: options.log });
  await registerBackupJobs(boss, { log: options.log });

  // A beat at start, so the status page shows a fresh worker without waiting for the first minute.
  await recordHeartbeat(options.db, name, startedAt);
  options.log('worker started', { name });

  return {
    name,
    stop: async () => {
      // The outbox poll first, so no new batch is claimed while pg-boss winds down.
      await emailJobs.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
