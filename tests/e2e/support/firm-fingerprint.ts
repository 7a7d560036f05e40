import type pg from 'pg';

// Everything a firm holds, table by table, as a row count and a hash of the rows: every table with a firmId column
// (found in the catalogue, so a new model is covered the day it is added), the firm's row and its people's users.
// Columns that move without anyone acting on the firm are left out: a session's last request, the worker's
// delivery bookkeeping of an email already written.

const VOLATILE: Record<string, string[]> = {
  Session: ['lastSeenAt'],
  EmailOutbox: ['status', 'attempts', 'nextAttemptAt', 'lockedUntil', 'lastError', 'providerMessageId', 'sentAt', 'updatedAt'],
  Reminder: ['status', 'updatedAt'],
};

export type Fingerprint = Record<string, { rows: number; hash: string }>;

async function hashRows(client: pg.Client, table: string, where: string, params: unknown[]): Promise<{ rows: number; hash: string }> {
  const drop = VOLATILE[table] ?? [];
  const { rows } = await client.query<{ rows: number; hash: string }>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg((to_jsonb(t) - $1::text[])::text, '|' ORDER BY (to_jsonb(t) - $1::text[])::text), '')) AS hash FROM "${table}" t WHERE ${where}`,
    [drop, ...params],
  );
  return rows[0]!;
}

export async function firmFingerprint(client: pg.Client, firmId: string): Promise<Fingerprint> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'firmId' ORDER BY table_name`,
  );
  const fingerprint: Fingerprint = { Firm: await hashRows(client, 'Firm', `"id" = $2`, [firmId]) };
  for (const { table_name: table } of tables) fingerprint[table] = await hashRows(client, table, `"firmId" = $2`, [firmId]);
  fingerprint.User = await hashRows(
    client,
    'User',
    `"id" IN (SELECT "userId" FROM "Membership" WHERE "firmId" = $2 UNION SELECT "portalUserId" FROM "Client" WHERE "firmId" = $2)`,
    [firmId],
  );
  return fingerprint;
}
