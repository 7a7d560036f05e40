import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, newContext, unique, type FirmWithStaff } from './support/fixtures';

// Abandoned CSV imports, and the people in their rows, are gone a day after their last change; a committed
// import keeps its counts. Jobs are made through the real import steps, then aged by moving their updatedAt
// back, as a day passing would.

const url = await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createImportJob } = await import('@/lib/server/import/create-import-job');
const { validateImport } = await import('@/lib/server/import/validate-import');
const { commitImport } = await import('@/lib/server/import/commit-import');
const { getImportJob } = await import('@/lib/server/import/get-import-job');
const { purgeImportJobs } = await import('@/lib/server/import/purge-import-jobs');
const { registerImportPurgeJobs } = await import('@/lib/jobs/import-purge-jobs');

const db = getDb();
const storage = createLocalStorage(path.join(mkdtempSync(path.join(os.tmpdir(), 'sejour-import-purge-')), 'objects'));

const COLUMNS = { 'column.firstName': '0', 'column.lastName': '1', 'column.nationality': '2', 'column.language': '3' };
const csv = (tag: string) => new TextEncoder().encode(`First name;Last name;Nationality;Language\nNadia;Purge${tag};MA;fr\nYusuf;Purge${tag};TR;nl\n`);

type Made = { id: string; key: string; name: string };

/** A job of `w` at `status` through the real steps, with its upload kept in storage as `storageKey` names it. */
async function job(w: FirmWithStaff, status: 'UPLOADED' | 'VALIDATED' | 'FAILED' | 'COMMITTED' | 'COMMITTING'): Promise<Made> {
  const tag = unique();
  const actor = w.admin.actor;
  const { id } = await createImportJob({ actor, input: { fileName: `clients-${tag}.csv`, bytes: csv(tag) } });
  if (status !== 'UPLOADED') await validateImport({ actor, input: { jobId: id, ...COLUMNS } });
  if (status === 'COMMITTED') expect((await commitImport({ actor, input: { jobId: id }, context: newContext() })).status).toBe('COMMITTED');
  // Statuses the steps reach only by a failure or a crash mid-commit.
  if (status === 'FAILED' || status === 'COMMITTING') await db.importJob.update({ where: { id }, data: { status } });
  const key = `${w.firm.id}/imports/${id}`;
  await storage.put(key, csv(tag), { contentType: 'text/csv' });
  await db.importJob.update({ where: { id }, data: { storageKey: key } });
  return { id, key, name: `Purge${tag}` };
}

const age = (id: string, hours: number) => db.$executeRaw`UPDATE "ImportJob" SET "updatedAt" = now() - make_interval(hours => ${hours}) WHERE "id" = ${id}`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('purging imports', () => {
  it('deletes abandoned uploads a day old with their files, strips a committed one to its counts, and audits each', async () => {
    const w = await createFirmWithStaff('Purge');
    const fresh = await job(w, 'VALIDATED');
    const abandoned = { uploaded: await job(w, 'UPLOADED'), validated: await job(w, 'VALIDATED'), failed: await job(w, 'FAILED'), stuck: await job(w, 'COMMITTING') };
    const committed = await job(w, 'COMMITTED');
    const recentCommit = await job(w, 'COMMITTED');
    for (const made of [...Object.values(abandoned), committed]) await age(made.id, 25);
    await age(fresh.id, 23);
    const createdClients = await db.client.findMany({ where: { firmId: w.firm.id, lastName: committed.name }, orderBy: { id: 'asc' } });
    expect(createdClients).toHaveLength(2);
    const before = await getImportJob({ actor: w.admin.actor, input: { jobId: committed.id } });
    expect(before.report.result?.clients.map((c) => c.name)).toEqual(expect.arrayContaining([`Nadia ${committed.name}`]));

    const report = await purgeImportJobs({ db, storage });
    expect(report).toEqual({ deleted: 4, stripped: 1, filesDeleted: 5, filesLeft: [] });

    for (const gone of Object.values(abandoned)) {
      expect(await db.importJob.findUnique({ where: { id: gone.id } })).toBeNull();
      expect(await storage.exists(gone.key)).toBe(false);
    }
    for (const kept of [fresh, recentCommit]) {
      expect(await db.importJob.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ purgedAt: null, storageKey: kept.key });
      expect(await storage.exists(kept.key)).toBe(true);
    }

    const after = await getImportJob({ actor: w.admin.actor, input: { jobId: committed.id } });
    expect(after.status).toBe('COMMITTED');
    expect(after.purgedAt).not.toBeNull();
    expect(after.totalRows).toBe(2);
    expect(after.report.result).toMatchObject({ clientCount: 2, caseCount: 0, clients: [] });
    expect(after.report.validation).toMatchObject({ rowCount: 2, clientCount: 2, errorRows: 0, issues: [] });
    expect(after.mapping?.source).toMatchObject({ headers: ['First name', 'Last name', 'Nationality', 'Language'], rows: [] });
    const row = await db.importJob.findUniqueOrThrow({ where: { id: committed.id } });
    expect(row.storageKey).toBeNull();
    expect(JSON.stringify([row.mapping, row.report])).not.toMatch(new RegExp(`Nadia|Yusuf|${committed.name}`));
    expect(await storage.exists(committed.key)).toBe(false);
    // The clients the import created are untouched.
    expect(await db.client.findMany({ where: { firmId: w.firm.id, lastName: committed.name }, orderBy: { id: 'asc' } })).toEqual(createdClients);

    const audits = await db.auditLog.findMany({ where: { firmId: w.firm.id, action: 'import.purged' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.entityId, a.actorKind, a.actorUserId])).toEqual(
      expect.arrayContaining([...Object.values(abandoned), committed].map((made) => [made.id, 'SYSTEM', null])),
    );
    expect(audits).toHaveLength(5);
    expect(audits.find((a) => a.entityId === committed.id)?.diff).toMatchObject({ after: { status: 'COMMITTED', rows: 2, kept: 'counts' } });
    expect(audits.find((a) => a.entityId === abandoned.stuck.id)?.diff).toMatchObject({ after: { status: 'COMMITTING', kept: 'nothing' } });

    // Purged once: the next run finds nothing more to do, and writes no second audit row.
    expect(await purgeImportJobs({ db, storage })).toEqual({ deleted: 0, stripped: 0, filesDeleted: 0, filesLeft: [] });
    expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: 'import.purged' } })).toBe(5);
  });

  it('leaves a job someone picks up again while the purge is at it', async () => {
    const w = await createFirmWithStaff('Purge race');
    const made = await job(w, 'VALIDATED');
    await age(made.id, 30);
    let purging: ReturnType<typeof purgeImportJobs> | undefined;
    await db.$transaction(async (tx) => {
      // Someone's step holds the row: the purge reads it as a day old, then its delete waits for this to end.
      await tx.$queryRaw`SELECT 1 FROM "ImportJob" WHERE "id" = ${made.id} FOR UPDATE`;
      purging = purgeImportJobs({ db, storage });
      for (;;) {
        const [row] = await db.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM "public"."ImportJob"%'`;
        if (row!.waiting > 0) break;
      }
      await tx.$executeRaw`UPDATE "ImportJob" SET "updatedAt" = now() WHERE "id" = ${made.id}`;
    });
    expect(await purging).toEqual({ deleted: 0, stripped: 0, filesDeleted: 0, filesLeft: [] });
    expect(await db.importJob.findUnique({ where: { id: made.id } })).not.toBeNull();
    expect(await storage.exists(made.key)).toBe(true);
  });

  it('runs hourly in the worker', async () => {
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss' });
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: true, timeout: 5_000 }));
    await registerImportPurgeJobs(boss, { db, log: () => {} });
    const schedules = await db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule`;
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'import-purge', cron: '0 * * * *' }));
  });
});
