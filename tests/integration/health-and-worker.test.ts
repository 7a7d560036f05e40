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
  });

  it('has the heartbeat on a schedule, so it keeps beating while it runs', async () => {
    const schedules = await getDb().$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule`;
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'heartbeat', cron: '* * * * *' }));
  });
});
