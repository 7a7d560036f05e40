import type pg from 'pg';

// Batched multi-row inserts through unnest(): one round trip per few thousand rows, which is what lets
// the 100,000-case benchmark firm load in seconds rather than minutes.

export type Column = { name: string; type: string };

// Prisma fills @updatedAt itself, so the column has no database default; these inserts set it to now().
export async function bulkInsert(client: pg.Client, table: string, columns: Column[], rows: unknown[][], batchSize = 5_000): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}, "updatedAt") SELECT *, now() FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((_, i) => batch.map((row) => row[i] ?? null));
    await client.query(sql, arrays);
  }
}
