import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/lib/dev/embedded-postgres';

// What `npm run dev` relies on: data under a directory survives a stop and a start, and a server
// killed without cleaning up does not block the next start.

const dir = await mkdtemp(path.join(os.tmpdir(), 'sejour-restart-'));
const dataDir = path.join(dir, 'pg');
afterAll(() => rm(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded Postgres for development', () => {
  it('keeps the data across a stop and a start', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await query(first.baseUrl, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    expect(await query(second.baseUrl, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await second.stop();
  });

  it('reuses a server already running on the same data directory instead of failing', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    expect(second.owned).toBe(false);
    expect(second.port).toBe(first.port);
    expect(await query(second.baseUrl, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    await first.stop();
  });

  it('starts over a stale pid file left by a killed server', async () => {
    await writeFile(path.join(dataDir, 'postmaster.pid'), '999999\n' + dataDir + '\n0\n5432\n');
    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    expect(server.owned).toBe(true);
    expect(await query(server.baseUrl, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await server.stop();
  });
});
