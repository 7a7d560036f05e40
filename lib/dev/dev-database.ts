import path from 'node:path';
import pg from 'pg';
import { databaseUrl, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

// The one rule for scripts (dev, start, backup, restore, db:*, seed, bench): use DATABASE_URL when it is set,
// otherwise the embedded Postgres whose data lives under DATA_DIR/pg (.data/pg by default). Read before lib/env,
// which needs DATABASE_URL to exist.

export const DEV_DATA_DIR = path.resolve(process.env.DATA_DIR || '.data');
const DEV_DATABASE = 'sejour';

export async function createDatabaseIfMissing(baseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export type DevDatabase = { url: string; embedded: RunningPostgres | null; stop: () => Promise<void> };

export async function ensureDevDatabase(log: (line: string) => void = () => {}): Promise<DevDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: null, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DEV_DATA_DIR, 'pg'), persistent: true, log });
  await createDatabaseIfMissing(embedded.baseUrl, DEV_DATABASE);
  return { url: databaseUrl(embedded.baseUrl, DEV_DATABASE), embedded, stop: embedded.stop };
}
