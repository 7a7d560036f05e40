import pg from 'pg';
import type { Storage } from '@/lib/storage/storage';
import { BackupError } from './backup-manifest';
import { TRANSIENT_TABLES, quoteIdent } from './backup-tables';

// A started installation's worker writes its heartbeat and may have tried a scheduled backup: neither is data.
const IGNORED = new Set([...TRANSIENT_TABLES, 'BackupRun']);

/**
 * A restore only goes into an installation that holds nothing: no row in any table (a freshly migrated database
 * is fine) and no stored file. Merging a backup into live data would mix two firms' histories, and overwriting
 * it would lose whatever happened since; both need a person's decision, not a flag.
 */
export async function assertEmptyInstallation(databaseUrl: string, storage: Storage): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`);
    for (const { name } of tables.filter((table) => !IGNORED.has(table.name))) {
      const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`);
      if (rowCount) {
        throw new BackupError(`The installation is not empty (table ${name} has rows). Restore into a new database and empty storage. Nothing was changed.`);
      }
    }
  } finally {
    await client.end();
  }
  for await (const key of storage.list()) {
    throw new BackupError(`The installation's storage is not empty (it holds ${key}). Restore into empty storage. Nothing was changed.`);
  }
}
