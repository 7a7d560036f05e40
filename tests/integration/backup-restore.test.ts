import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDatabaseIfMissing } from '@/lib/dev/dev-database';
import { databaseUrl } from '@/lib/dev/embedded-postgres';
import { createLocalStorage } from '@/lib/storage/local-storage';
import type { Storage } from '@/lib/storage/storage';
import { dropDatabase } from './support/admin';
import { pdf, png } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, newContext } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// A backup of a firm with cases, documents (two versions), notes and audit history, restored into a new
// database and empty storage, must give back every row of every table and every file byte for byte; the wrong
// target and a damaged archive must be refused before anything changes.

const sourceUrl = await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { addNote } = await import('@/lib/server/note/add-note');
const { createBackup } = await import('@/lib/backup/create-backup');
const { restoreBackup } = await import('@/lib/backup/restore-backup');
const { TRANSIENT_TABLES } = await import('@/lib/backup/backup-tables');

const baseUrl = inject('databaseBaseUrl');
let work: string;
let sourceStorage: Storage;
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `sejour_restore_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await createDatabaseIfMissing(baseUrl, name);
  databases.push(name);
  return databaseUrl(baseUrl, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's rows as text, sorted: equal fingerprints mean equal contents. */
async function fingerprints(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    if (TRANSIENT_TABLES.includes(name)) continue;
    const [row] = await query<{ rows: string; md5: string }>(url, `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`);
    result[name] = { rows: Number(row!.rows), md5: row!.md5 };
  }
  return result;
}

async function fileHashes(storage: Storage): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for await (const key of storage.list()) {
    const { body } = await storage.get(key);
    const hash = createHash('sha256');
    for await (const chunk of body) hash.update(chunk as Buffer);
    hashes[key] = hash.digest('hex');
  }
  return hashes;
}

let archive: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'sejour-backup-test-'));
  sourceStorage = createLocalStorage(path.join(work, 'source-files'));
  const { firm, advisor } = await createFirmWithStaff('Backup');
  const { client } = await createClient(firm);
  const kase = await createCase(firm, client, { stage: 'APPLICATION_FILED' });
  const first = await uploadDocument({ actor: advisor.actor, input: { caseId: kase.id, kind: 'PASSPORT' }, file: { name: 'passport.pdf', body: pdf() }, context: newContext(), storage: sourceStorage });
  await uploadDocument({ actor: advisor.actor, input: { caseId: kase.id, kind: 'PHOTO' }, file: { name: 'photo.png', body: png() }, context: newContext(), storage: sourceStorage });
  expect(first.documentId).toBeTruthy();
  await addNote({ actor: advisor.actor, input: { caseId: kase.id, body: 'Called the commune: "appointment" on Tuesday\nsecond line\ttab \\ backslash' }, context: newContext() });
  archive = (await createBackup({ databaseUrl: sourceUrl, storage: sourceStorage, backupDir: path.join(work, 'backups'), trigger: 'MANUAL', keep: 5 })).file;
});

afterAll(async () => {
  for (const name of databases) await dropDatabase(baseUrl, name);
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('records the run, with the counts, as the status page shows it', async () => {
    const run = await getDb().backupRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });
    expect(run).toMatchObject({ trigger: 'MANUAL', ok: true, file: path.basename(archive), error: null });
    expect(Number(run.bytes)).toBeGreaterThan(0);
    expect((run.summary as { files: number }).files).toBe(2);
    expect((run.summary as { tables: Record<string, number> }).tables.Document).toBe(2);
  });

  it('restores into a new database and empty storage: the same rows in every table, the same files, the audit log still append-only', async () => {
    const targetUrl = await freshDatabase();
    const targetStorage = createLocalStorage(path.join(work, 'restored-files'));
    const result = await restoreBackup({ archive, databaseUrl: targetUrl, storage: targetStorage });
    expect(result.files).toBe(2);

    const before = await fingerprints(sourceUrl);
    const after = await fingerprints(targetUrl);
    // The source's own BackupRun row was written after the snapshot; everything else is identical.
    const { BackupRun: sourceRuns, ...sourceRest } = before;
    const { BackupRun: restoredRuns, ...restoredRest } = after;
    expect(restoredRest).toEqual(sourceRest);
    expect(sourceRest.AuditLog!.rows).toBeGreaterThan(0);
    expect(restoredRuns!.rows).toBe(sourceRuns!.rows - 1);
    expect(await fileHashes(targetStorage)).toEqual(await fileHashes(sourceStorage));

    await expect(query(targetUrl, `UPDATE "AuditLog" SET "action" = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(query(targetUrl, `DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    // New history continues after the restored rows instead of colliding with them.
    const [max] = await query<{ id: string }>(targetUrl, `SELECT max(id) AS id FROM "AuditLog"`);
    const [next] = await query<{ id: string }>(targetUrl, `INSERT INTO "AuditLog" ("actorKind", "action", "entity") VALUES ('SYSTEM', 'test.after_restore', 'test') RETURNING id`);
    expect(BigInt(next!.id)).toBeGreaterThan(BigInt(max!.id));
  });

  it('refuses an installation that already holds data, and changes nothing there', async () => {
    const storage = createLocalStorage(path.join(work, 'other-files'));
    const before = await fingerprints(sourceUrl);
    await expect(restoreBackup({ archive, databaseUrl: sourceUrl, storage })).rejects.toThrow(/not empty \(table \w+ has rows\)/);
    expect(await fingerprints(sourceUrl)).toEqual(before);

    const targetUrl = await freshDatabase();
    await storage.put('someone/else/file', Buffer.from('x'), { contentType: 'text/plain' });
    await expect(restoreBackup({ archive, databaseUrl: targetUrl, storage })).rejects.toThrow(/storage is not empty/);
    expect(await query(targetUrl, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it('refuses a damaged archive with a clear message, before it changes anything', async () => {
    const bytes = await readFile(archive);
    const damaged = Buffer.from(bytes);
    for (let at = Math.floor(damaged.length / 2); at < Math.floor(damaged.length / 2) + 64; at++) damaged[at] = damaged[at]! ^ 0xff;
    const file = path.join(work, 'damaged.tar.gz');
    await writeFile(file, damaged);
    const targetUrl = await freshDatabase();
    const storage = createLocalStorage(path.join(work, 'damaged-files'));
    await expect(restoreBackup({ archive: file, databaseUrl: targetUrl, storage })).rejects.toThrow(/damaged.*Nothing was changed/s);
    expect(await query(targetUrl, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
    expect(await fileHashes(storage)).toEqual({});
  });

  it('refuses an archive whose contents no longer match their manifest (an edited table file)', async () => {
    const unpacked = path.join(work, 'unpacked');
    await rm(unpacked, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const notes = path.join(unpacked, 'db', 'Note.copy');
    await writeFile(notes, (await readFile(notes, 'utf8')).replace('Tuesday', 'Wednesday'));
    const edited = path.join(work, 'edited.tar.gz');
    await tar.create({ gzip: true, file: edited, cwd: unpacked }, await readdir(unpacked));
    const targetUrl = await freshDatabase();
    const storage = createLocalStorage(path.join(work, 'edited-files'));
    await expect(restoreBackup({ archive: edited, databaseUrl: targetUrl, storage })).rejects.toThrow(/db\/Note\.copy .*does not match its manifest/);
    expect(await query(targetUrl, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it('keeps only the newest archives the retention setting asks for', async () => {
    const dir = path.join(work, 'rotating');
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      await createBackup({ databaseUrl: sourceUrl, storage: sourceStorage, backupDir: dir, trigger: 'SCHEDULE', keep: 2, now: new Date(`${day}T02:30:00Z`) });
    }
    expect((await readdir(dir)).sort()).toEqual(['sejour-backup-20261202-023000Z.tar.gz', 'sejour-backup-20261203-023000Z.tar.gz']);
  });
});
