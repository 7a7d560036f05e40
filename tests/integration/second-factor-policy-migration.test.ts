import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing } from '@/lib/dev/dev-database';
import { databaseUrl } from '@/lib/dev/embedded-postgres';
import { deployMigrations } from '@/lib/dev/migrations';
import { dropDatabase } from './support/admin';

// A firm that required two-factor before the policy existed must still require it after the upgrade: losing
// that setting silently would let its members sign in with a password alone.

const MIGRATIONS = 'prisma/migrations';
const POLICY = '20261207121500_second_factors';
const quiet = { log: () => {} };
const baseUrl = inject('databaseBaseUrl');
const name = `sejour_policy_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const url = databaseUrl(baseUrl, name);

const oldHistory = mkdtempSync(path.join(os.tmpdir(), 'sejour-before-policy-'));
for (const entry of readdirSync(MIGRATIONS)) if (entry.localeCompare(POLICY) < 0) cpSync(path.join(MIGRATIONS, entry), path.join(oldHistory, entry), { recursive: true });

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await createDatabaseIfMissing(baseUrl, name);
  await deployMigrations(url, { ...quiet, migrationsDir: oldHistory });
  await sql(`INSERT INTO "Firm" ("id", "name", "slug", "requireTwoFactor", "updatedAt") VALUES ('strict', 'Strict', 'strict', true, now()), ('relaxed', 'Relaxed', 'relaxed', false, now())`);
  await deployMigrations(url, { ...quiet, migrationsDir: MIGRATIONS });
});

afterAll(async () => {
  await dropDatabase(baseUrl, name);
  rmSync(oldHistory, { recursive: true, force: true });
});

it('turns "two-factor required" into the second-factor policy and leaves other firms without one', async () => {
  expect(await sql(`SELECT "id", "secondFactorPolicy"::text AS policy FROM "Firm" ORDER BY "id"`)).toEqual([
    { id: 'relaxed', policy: 'NONE' },
    { id: 'strict', policy: 'SECOND_FACTOR' },
  ]);
  expect(await sql(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Firm' AND column_name = 'requireTwoFactor'`)).toEqual([]);
});
