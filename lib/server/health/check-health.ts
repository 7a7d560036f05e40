import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb } from '@/lib/db';

// Health is public (load balancers call it), so it says only whether parts work, never anything about firms.

export type Health = {
  ok: boolean;
  database: { ok: boolean; error?: string };
  migrations: { ok: boolean; pending: string[] };
  worker: { lastBeatAt: string | null };
};

const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

async function migrationDirectories(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export async function checkHealth(): Promise<Health> {
  const db = getDb();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    return {
      ok: false,
      database: { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : 'unreachable' },
      migrations: { ok: false, pending: [] },
      worker: { lastBeatAt: null },
    };
  }
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch(() => []);
  const done = new Set(applied.map((row) => row.migration_name));
  const pending = (await migrationDirectories()).filter((name) => !done.has(name));
  const beat = await db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } });
  return {
    ok: pending.length === 0,
    database: { ok: true },
    migrations: { ok: pending.length === 0, pending },
    worker: { lastBeatAt: beat?.beatAt.toISOString() ?? null },
  };
}
