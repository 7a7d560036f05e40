import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// For upgrade tests: an installation as it was before a migration, and plain SQL against it (the app's client
// knows only today's schema).

export const MIGRATIONS_DIR = 'prisma/migrations';

/** A temporary migrations folder holding every migration older than `migration`, as an older release shipped. */
export function historyBefore(migration: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sejour-migrations-before-'));
  for (const entry of readdirSync(MIGRATIONS_DIR)) if (entry.localeCompare(migration) < 0) cpSync(path.join(MIGRATIONS_DIR, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

/** One query on its own connection. */
export function sqlOn(url: string) {
  return async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
}
