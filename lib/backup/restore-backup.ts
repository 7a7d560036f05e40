import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as tar from 'tar';
import { deployMigrations } from '@/lib/dev/migrations';
import type { Storage } from '@/lib/storage/storage';
import { BackupError, MANIFEST_FILE, ZBackupManifest, filePath, migrationPath, type BackupManifest } from './backup-manifest';
import { assertEmptyInstallation } from './assert-empty-installation';
import { quoteIdent } from './backup-tables';
import { measureStream } from '@/lib/storage/measure-stream';

// Restores an archive made by createBackup into an empty installation. Everything that can be checked before a
// change is checked first (the archive unpacks, the manifest parses, every entry has its hash and size, the
// migrations are this version's, the installation is empty), so a damaged archive or the wrong target changes
// nothing. Then: the archive's migrations, every table in one transaction, the row counts, the files (hashed
// again once stored), and the migrations this version has that the archive did not.

export type RestoreResult = { tables: Record<string, number>; files: number; laterMigrations: string[] };

async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const measured = measureStream();
  await pipeline(createReadStream(file), measured.stream, async (source) => {
    for await (const chunk of source) void chunk;
  });
  return measured.result;
}

async function unpack(archive: string, into: string): Promise<BackupManifest> {
  try {
    // strict: a truncated or altered gzip stream is an error, not a warning.
    await tar.extract({ file: archive, cwd: into, strict: true });
  } catch (error) {
    throw new BackupError(`${archive} is damaged or is not a Sejour backup (${error instanceof Error ? error.message : error}). Nothing was changed.`);
  }
  const text = await readFile(path.join(into, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null) throw new BackupError(`${archive} has no ${MANIFEST_FILE}: it is not a Sejour backup. Nothing was changed.`);
  let parsed;
  try {
    parsed = ZBackupManifest.safeParse(JSON.parse(text));
  } catch {
    throw new BackupError(`${MANIFEST_FILE} in ${archive} is not valid JSON. Nothing was changed.`);
  }
  if (!parsed.success) throw new BackupError(`${MANIFEST_FILE} in ${archive} is not a Sejour backup manifest (${parsed.error.issues[0]?.message}). Nothing was changed.`);
  return parsed.data;
}

async function verifyEntries(dir: string, manifest: BackupManifest, migrationsDir: string): Promise<void> {
  const entries = [
    ...manifest.tables.map((table) => ({ entry: table.file, ...table })),
    ...manifest.files.map((file) => ({ entry: filePath(file.key), ...file })),
  ];
  for (const { entry, bytes, sha256 } of entries) {
    const actual = await sha256OfFile(path.join(dir, entry)).catch(() => null);
    if (!actual) throw new BackupError(`The archive lacks ${entry}, which its manifest lists. Nothing was changed.`);
    if (actual.bytes !== bytes || actual.sha256 !== sha256) {
      throw new BackupError(`${entry} in the archive does not match its manifest (damaged or altered). Nothing was changed.`);
    }
  }
  for (const { name, sha256 } of manifest.migrations) {
    const archived = await readFile(path.join(dir, migrationPath(name))).catch(() => null);
    if (!archived || createHash('sha256').update(archived).digest('hex') !== sha256) {
      throw new BackupError(`Migration ${name} in the archive does not match its manifest. Nothing was changed.`);
    }
    const installed = await readFile(path.join(migrationsDir, name, 'migration.sql')).catch(() => null);
    if (!installed || !installed.equals(archived)) {
      throw new BackupError(`The archive was made by another Sejour version (migration ${name} differs or is unknown here); restore it with that version. Nothing was changed.`);
    }
  }
}

export async function restoreBackup(options: { archive: string; databaseUrl: string; storage: Storage; migrationsDir?: string }): Promise<RestoreResult> {
  const migrationsDir = path.resolve(options.migrationsDir ?? 'prisma/migrations');
  const work = await mkdtemp(path.join(os.tmpdir(), 'sejour-restore-'));
  try {
    const manifest = await unpack(path.resolve(options.archive), work);
    await verifyEntries(work, manifest, migrationsDir);
    await assertEmptyInstallation(options.databaseUrl, options.storage);

    // Exactly the archive's schema first, so every COPY meets the columns it was written from.
    await deployMigrations(options.databaseUrl, { migrationsDir: path.join(work, 'migrations'), log: () => {} });
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    const tables: Record<string, number> = {};
    try {
      await client.query('BEGIN');
      for (const table of manifest.tables) {
        const columns = table.columns.map(quoteIdent).join(', ');
        await pipeline(createReadStream(path.join(work, table.file)), client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`)));
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
        tables[table.name] = Number(rows[0]?.n);
        if (tables[table.name] !== table.rows) throw new BackupError(`${table.name}: ${tables[table.name]} rows loaded, the manifest says ${table.rows}. Nothing was changed.`);
      }
      // Serial columns (the audit log's id) continue after the restored rows, not from 1.
      const { rows: serials } = await client.query<{ sequence: string; table_name: string; column_name: string }>(`
        SELECT pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence, table_name, column_name
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`);
      for (const serial of serials) {
        await client.query(`SELECT setval($1, COALESCE(max(${quoteIdent(serial.column_name)}), 0) + 1, false) FROM ${quoteIdent(serial.table_name)}`, [serial.sequence]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (error instanceof BackupError) throw error;
      throw new BackupError(`Loading the tables failed (${error instanceof Error ? error.message : error}); the database was rolled back. Nothing was changed.`);
    } finally {
      await client.end();
    }

    for (const file of manifest.files) {
      const source = path.join(work, filePath(file.key));
      await options.storage.put(file.key, createReadStream(source), { contentType: 'application/octet-stream', size: file.bytes });
      const stored = await options.storage.get(file.key);
      const measured = measureStream();
      await pipeline(stored.body, measured.stream, async (chunks) => {
        for await (const chunk of chunks) void chunk;
      });
      if (measured.result.sha256 !== file.sha256) throw new BackupError(`${file.key} was stored but reads back different bytes; check the storage.`);
    }
    const { applied } = await deployMigrations(options.databaseUrl, { migrationsDir, log: () => {} });
    return { tables, files: manifest.files.length, laterMigrations: applied };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
