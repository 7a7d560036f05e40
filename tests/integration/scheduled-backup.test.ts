import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';

// The worker's nightly backup: scheduled from BACKUP_SCHEDULE, written into BACKUP_DIR by whichever worker takes
// the job, and recorded for the status page. The job is sent by hand here instead of waiting for 02:30.

const url = await setupTestDatabase();
const dir = await mkdtemp(path.join(os.tmpdir(), 'sejour-scheduled-backup-'));
process.env.DATA_DIR = dir;
process.env.BACKUP_DIR = path.join(dir, 'archives');
process.env.BACKUP_SCHEDULE = '15 3 * * *';
const { getDb } = await import('@/lib/db');
const { startWorker } = await import('@/lib/jobs/worker');
const { BACKUP_QUEUE } = await import('@/lib/jobs/backup-jobs');

const worker = await startWorker({ databaseUrl: url, db: getDb(), log: () => {} });
const sender = new PgBoss({ connectionString: url, schema: 'pgboss' });
await sender.start();

afterAll(async () => {
  await sender.stop({ graceful: false });
  await worker.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('scheduled backup', () => {
  it('is on the schedule BACKUP_SCHEDULE sets, in Brussels time', async () => {
    const schedules = await getDb().$queryRaw<{ name: string; cron: string; timezone: string }[]>`SELECT name, cron, timezone FROM pgboss.schedule`;
    expect(schedules).toContainEqual(expect.objectContaining({ name: BACKUP_QUEUE, cron: '15 3 * * *', timezone: 'Europe/Brussels' }));
  });

  it('writes an archive into BACKUP_DIR when the job runs, and records the run as scheduled', async () => {
    const jobId = await sender.send(BACKUP_QUEUE, null);
    expect(jobId).toBeTruthy();
    // pg-boss says when the job is done; the run's row and the archive exist by then.
    let state = 'created';
    while (state !== 'completed' && state !== 'failed') {
      const job = await sender.getJobById(BACKUP_QUEUE, jobId!);
      state = job?.state ?? 'created';
      if (state !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('completed');
    const run = await getDb().backupRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });
    expect(run).toMatchObject({ trigger: 'SCHEDULE', ok: true, error: null });
    expect(await readdir(path.join(dir, 'archives'))).toEqual([run.file]);
  });
});
