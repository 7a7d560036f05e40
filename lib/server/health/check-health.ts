import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDb, type Db } from '@/lib/db';
import { env } from '@/lib/env';
import { readOutboxBacklog } from '@/lib/server/outbox/read-outbox-backlog';

// Health is public (load balancers call it), so it says only whether parts work, never anything about firms:
// no ids, no addresses, no backup file names or error texts (those name paths), only states, times and counts.
//
// What takes the server out of rotation (`ok: false`, HTTP 503) is only what makes this web server itself unable
// to serve: the database unreachable, or migrations not applied (the code would query columns that are not
// there). A stopped worker, a mail backlog or a stale backup are real problems, but every web replica would
// report them at once: failing health for them would have the load balancer take the whole app down, which only
// adds an outage to the problem. They are `warnings` instead, shown on the status page and alerted on from
// /api/metrics.

/** The heartbeat runs every minute; three missed beats mean the worker is gone, not late. */
export const WORKER_STALE_AFTER_S = 3 * 60;
/** A message due this long and still not claimed: no worker is delivering, or every delivery is failing. */
export const OUTBOX_STALE_AFTER_S = 15 * 60;
/** A daily backup (BACKUP_SCHEDULE's default is nightly) plus two hours' slack for a slow one. */
export const BACKUP_STALE_AFTER_S = 26 * 60 * 60;

export type HealthWarning = 'worker' | 'outbox' | 'backup';

export type Health = {
  ok: boolean;
  warnings: HealthWarning[];
  database: { ok: boolean; error?: string };
  migrations: { ok: boolean; pending: string[] };
  worker: { ok: boolean; lastBeatAt: string | null; ageSeconds: number | null };
  outbox: { ok: boolean; waiting: number; due: number; oldestDueAgeSeconds: number | null };
  /**
   * The last finished backup run. `scheduled`: the worker makes backups (BACKUP_SCHEDULE is not "off"), so the
   * last one must be less than BACKUP_STALE_AFTER_S old; without a schedule only a failed run is a warning.
   * Before the first run nothing is expected yet (a new installation, or the worker's own warning).
   */
  backup: { ok: boolean; lastRunAt: string | null; lastRunOk: boolean | null; ageSeconds: number | null; scheduled: boolean };
};

const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

async function migrationDirectories(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

const secondsSince = (at: Date | null | undefined, now: Date) => (at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000)) : null);

async function workerPart(db: Db, now: Date): Promise<Health['worker']> {
  const beat = await db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } });
  const ageSeconds = secondsSince(beat?.beatAt, now);
  return { ok: ageSeconds !== null && ageSeconds <= WORKER_STALE_AFTER_S, lastBeatAt: beat?.beatAt.toISOString() ?? null, ageSeconds };
}

async function outboxPart(db: Db, now: Date): Promise<Health['outbox']> {
  const backlog = await readOutboxBacklog(db, now);
  const oldestDueAgeSeconds = secondsSince(backlog.oldestDueAt, now);
  return { ok: (oldestDueAgeSeconds ?? 0) <= OUTBOX_STALE_AFTER_S, waiting: backlog.waiting, due: backlog.due, oldestDueAgeSeconds };
}

async function backupPart(db: Db, now: Date, scheduled: boolean): Promise<Health['backup']> {
  // A run that never finished (its process died) says nothing about the last backup; the one before it does.
  const run = await db.backupRun.findFirst({ where: { finishedAt: { not: null } }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true, ok: true } });
  const ageSeconds = secondsSince(run?.finishedAt, now);
  const failed = run?.ok === false;
  return {
    ok: !failed && !(scheduled && (ageSeconds ?? 0) > BACKUP_STALE_AFTER_S),
    lastRunAt: run?.finishedAt?.toISOString() ?? null,
    lastRunOk: run?.ok ?? null,
    ageSeconds,
    scheduled,
  };
}

const UNKNOWN: Pick<Health, 'worker' | 'outbox' | 'backup'> = {
  worker: { ok: false, lastBeatAt: null, ageSeconds: null },
  outbox: { ok: false, waiting: 0, due: 0, oldestDueAgeSeconds: null },
  backup: { ok: false, lastRunAt: null, lastRunOk: null, ageSeconds: null, scheduled: false },
};

export async function checkHealth({ now = new Date(), backupsScheduled = env().BACKUP_SCHEDULE !== 'off' }: { now?: Date; backupsScheduled?: boolean } = {}): Promise<Health> {
  const db = getDb();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    return {
      ok: false,
      warnings: [],
      database: { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : 'unreachable' },
      migrations: { ok: false, pending: [] },
      ...UNKNOWN,
    };
  }
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch(() => []);
  const done = new Set(applied.map((row) => row.migration_name));
  const pending = (await migrationDirectories()).filter((name) => !done.has(name));
  // With migrations pending, a part's table or column may not exist yet: that part is unknown, not a crash.
  const [worker, outbox, backup] = await Promise.all([
    workerPart(db, now).catch(() => UNKNOWN.worker),
    outboxPart(db, now).catch(() => UNKNOWN.outbox),
    backupPart(db, now, backupsScheduled).catch(() => UNKNOWN.backup),
  ]);
  const warnings = (['worker', 'outbox', 'backup'] as const).filter((part) => !{ worker, outbox, backup }[part].ok);
  return {
    ok: pending.length === 0,
    warnings,
    database: { ok: true },
    migrations: { ok: pending.length === 0, pending },
    worker,
    outbox,
    backup,
  };
}
