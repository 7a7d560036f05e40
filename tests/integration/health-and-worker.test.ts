import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './support/test-database';

const url = await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { checkHealth } = await import('@/lib/server/health/check-health');
const { startWorker } = await import('@/lib/jobs/worker');

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('health', () => {
  it('reports the database reachable and every migration applied', async () => {
    const health = await checkHealth();
    expect(health.database.ok).toBe(true);
    expect(health.migrations).toEqual({ ok: true, pending: [] });
    expect(health.ok).toBe(true);
  });

  it('reports a migration that has not been applied as pending', async () => {
    const db = getDb();
    const [latest] = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${latest!.migration_name}`;
    try {
      const health = await checkHealth();
      expect(health.ok).toBe(false);
      expect(health.migrations.pending).toEqual([latest!.migration_name]);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE migration_name = ${latest!.migration_name}`;
    }
  });
});

describe('health warnings', () => {
  const minutes = (n: number) => n * 60_000;

  it('reports the outbox backlog: what waits, what is due, and a message due too long as a warning only', async () => {
    const db = getDb();
    const now = new Date();
    const row = (key: string, data: { status: 'PENDING' | 'SENDING' | 'RETRYING' | 'SENT'; nextAttemptAt: Date; lockedUntil?: Date }) =>
      db.emailOutbox.create({ data: { key: `health:${key}:${randomUUID()}`, template: 'magic-link', locale: 'en', toEmail: 'someone@example.com', subject: 's', html: 'h', text: 't', ...data } });
    const rows = [
      await row('due', { status: 'PENDING', nextAttemptAt: new Date(now.getTime() - minutes(20)) }),
      await row('retry-later', { status: 'RETRYING', nextAttemptAt: new Date(now.getTime() + minutes(5)) }),
      await row('in-flight', { status: 'SENDING', nextAttemptAt: new Date(now.getTime() - minutes(1)), lockedUntil: new Date(now.getTime() + minutes(10)) }),
      await row('sent', { status: 'SENT', nextAttemptAt: new Date(now.getTime() - minutes(60)) }),
    ];
    try {
      const health = await checkHealth({ now });
      expect(health.outbox).toEqual({ ok: false, waiting: 3, due: 1, oldestDueAgeSeconds: 20 * 60 });
      expect(health.warnings).toContain('outbox');
      // A mail backlog is no reason to take this web server out of rotation.
      expect(health.ok).toBe(true);
      // Ten minutes after it came due it was still fine.
      expect((await checkHealth({ now: new Date(now.getTime() - minutes(10)) })).outbox.ok).toBe(true);
    } finally {
      await db.emailOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    }
  });

  it('reports the last backup: a failed one, or one over a day old while backups are scheduled, is a warning with no file name or error in it', async () => {
    const db = getDb();
    const now = new Date();
    const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000);
    const hoursOn = (n: number) => new Date(now.getTime() + n * 3_600_000);
    const run = (data: { trigger: string; finishedAt: Date | null; ok: boolean | null; error?: string }) =>
      db.backupRun.create({ data: { startedAt: new Date((data.finishedAt ?? now).getTime() - 60_000), file: `sejour-secret-name-${randomUUID()}.tar.gz`, ...data } });

    // The default schedule (nightly) is on here; before the first run nothing is expected yet.
    expect((await checkHealth({ now })).backup).toEqual({ ok: true, lastRunAt: null, lastRunOk: null, ageSeconds: null, scheduled: true });

    await run({ trigger: 'SCHEDULE', finishedAt: hoursAgo(25), ok: true });
    expect((await checkHealth({ now })).backup).toMatchObject({ ok: true, lastRunOk: true, ageSeconds: 25 * 3600, scheduled: true });
    // Two hours on with no run since, the schedule is late.
    const late = await checkHealth({ now: hoursOn(2) });
    expect(late.backup).toMatchObject({ ok: false, scheduled: true });
    expect(late.warnings).toContain('backup');
    expect(late.ok).toBe(true);
    // With BACKUP_SCHEDULE=off nothing is expected, so age alone is no warning.
    expect((await checkHealth({ now: hoursOn(72), backupsScheduled: false })).backup).toMatchObject({ ok: true, scheduled: false });

    // A run that never finished (its process died) does not hide the last finished one.
    await run({ trigger: 'SCHEDULE', finishedAt: null, ok: null });
    expect((await checkHealth({ now })).backup.lastRunAt).toBe(hoursAgo(25).toISOString());

    await run({ trigger: 'MANUAL', finishedAt: hoursAgo(1), ok: false, error: 'tar: /var/lib/sejour/backups: Permission denied' });
    for (const backupsScheduled of [true, false]) {
      const failed = await checkHealth({ now, backupsScheduled });
      expect(failed.backup).toMatchObject({ ok: false, lastRunOk: false, ageSeconds: 3600 });
      expect(failed.warnings).toContain('backup');
      expect(JSON.stringify(failed)).not.toMatch(/sejour-secret-name|Permission denied|\/var\/lib/);
    }

    // A good run after it, manual or not, is the last backup.
    await run({ trigger: 'MANUAL', finishedAt: hoursAgo(0.5), ok: true });
    expect((await checkHealth({ now })).backup).toMatchObject({ ok: true, lastRunOk: true, ageSeconds: 1800 });
    await db.backupRun.deleteMany({});
  });
});

describe('worker', () => {
  it('starts on the same Postgres and records a heartbeat that health reports', async () => {
    const before = await checkHealth();
    expect(before.worker.lastBeatAt).toBeNull();
    const logs: string[] = [];
    const worker = await startWorker({ databaseUrl: url, db: getDb(), log: (message) => logs.push(message) });
    stops.push(worker.stop);
    const after = await checkHealth();
    expect(after.worker.lastBeatAt).not.toBeNull();
    expect(logs).toContain('worker started');
    const row = await getDb().workerHeartbeat.findUniqueOrThrow({ where: { worker: worker.name } });
    expect(row.pid).toBe(process.pid);
    expect(after.worker).toMatchObject({ ok: true });
    expect(after.warnings).not.toContain('worker');
  });

  it('calls the heartbeat of a stopped worker stale after three minutes: a warning, while the web server stays in rotation', async () => {
    // Stopped, so no beat can come between the reads below.
    await stops.pop()!();
    const { lastBeatAt } = (await checkHealth()).worker;
    const beat = new Date(lastBeatAt!).getTime();
    expect((await checkHealth({ now: new Date(beat + 180_000) })).worker).toMatchObject({ ok: true, ageSeconds: 180 });
    const stale = await checkHealth({ now: new Date(beat + 181_000) });
    expect(stale.worker).toEqual({ ok: false, lastBeatAt, ageSeconds: 181 });
    expect(stale.warnings).toContain('worker');
    expect(stale.ok).toBe(true);
  });

  it('has the heartbeat on a schedule, so it keeps beating while it runs', async () => {
    const schedules = await getDb().$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule`;
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'heartbeat', cron: '* * * * *' }));
  });
});
