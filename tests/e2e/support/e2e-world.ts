import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Where the e2e server (support/server.ts) tells the specs which database it made, so an attacker's spec can read
// the victim firm's rows before and after its requests, straight from Postgres.

export type E2eWorld = { databaseUrl: string; dataDir: string };

export const worldFile = (port: string) => path.join(os.tmpdir(), `sejour-e2e-world-${port}.json`);

export function e2eWorld(): E2eWorld {
  return JSON.parse(readFileSync(worldFile(process.env.E2E_PORT ?? '3100'), 'utf8')) as E2eWorld;
}

export async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eWorld().databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
