import type pg from 'pg';

// The application's tables as Postgres knows them, for a backup: every ordinary table of the connection's schema
// except Prisma's migration history (restore rebuilds the schema from the archived migrations, which writes it)
// and the transient tables below,
// with the columns COPY must name (generated ones are computed again), in an order where each table comes after
// the tables its foreign keys point to.

/**
 * Running state, not the firm's data: which worker beat when, and sign-in rate-limit counters. A restored
 * installation starts its own; a restore target may already have them (its worker has beaten once).
 */
export const TRANSIENT_TABLES: readonly string[] = ['WorkerHeartbeat', 'RateLimit'];

export type BackupTable = { name: string; columns: string[] };

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listBackupTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    GROUP BY c.relname`);
  const { rows: references } = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND k.conrelid <> k.confrelid`);

  const parents = new Map<string, Set<string>>(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) parents.get(child)?.add(parent);
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  // Sorted first, so two backups of the same database list their tables identically.
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}; restore could not load it in one order`);
    path.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) if (byName.has(parent)) visit(parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name, new Set());
  return ordered.filter((table) => !TRANSIENT_TABLES.includes(table.name));
}
