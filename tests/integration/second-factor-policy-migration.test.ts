import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing } from '@/lib/dev/dev-database';
import { databaseUrl } from '@/lib/dev/embedded-postgres';
import { deployMigrations } from '@/lib/dev/migrations';
import { dropDatabase } from './support/admin';
import { historyBefore, MIGRATIONS_DIR, sqlOn } from './support/migration-history';

// A firm that required two-factor before the policy existed must still require it after the upgrade: losing
// that setting silently would let its members sign in with a password alone.

const MIGRATIONS = MIGRATIONS_DIR;
const POLICY = '20261207121500_second_factors';
const quiet = { log: () => {} };
const baseUrl = inject('databaseBaseUrl');
const name = `sejour_policy_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const url = databaseUrl(baseUrl, name);

const oldHistory = historyBefore(POLICY);

const sql = sqlOn(url);

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
