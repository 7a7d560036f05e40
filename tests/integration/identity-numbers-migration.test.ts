import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing } from '@/lib/dev/dev-database';
import { databaseUrl } from '@/lib/dev/embedded-postgres';
import { deployMigrations } from '@/lib/dev/migrations';
import { dropDatabase } from './support/admin';
import { historyBefore, MIGRATIONS_DIR, sqlOn } from './support/migration-history';
import { clearForms, nationalRegisterNumber, passportNumber } from './support/identity-numbers';

// An installation from before sealing, with identity numbers in clear, upgraded the way every start does it
// (npm start, npm run dev, npm run db:deploy, the Docker migrate service all call deployMigrations).

const MIGRATIONS = MIGRATIONS_DIR;
const SEALED = '20261207100000_client_identity_numbers_sealed';
const DROPPED = '20261207100100_client_identity_numbers_plaintext_dropped';
const quiet = { log: () => {} };
const baseUrl = inject('databaseBaseUrl');
const name = `sejour_sealing_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const url = databaseUrl(baseUrl, name);
// lib/db, for the app's own reads after the upgrade.
process.env.DATABASE_URL = url;

const oldHistory = historyBefore(SEALED);

const sql = sqlOn(url);

type Legacy = { id: string; firmId: string; nationalRegisterNumber: string | null; passportNumber: string | null };
const legacy: Legacy[] = [];

beforeAll(async () => {
  await createDatabaseIfMissing(baseUrl, name);
  await deployMigrations(url, { ...quiet, migrationsDir: oldHistory });
  for (const firm of ['a', 'b']) {
    const firmId = `firm-${firm}-${randomUUID()}`;
    await sql(`INSERT INTO "Firm" ("id", "name", "slug", "updatedAt") VALUES ($1, $2, $1, now())`, [firmId, `Old firm ${firm}`]);
    // More than one batch of the data step, some with one number only, and one with none.
    const rows: Legacy[] = Array.from({ length: 503 }, (_, i) => ({
      id: `c${String(i).padStart(4, '0')}-${randomUUID()}`,
      firmId,
      nationalRegisterNumber: i % 7 === 3 || i === 502 ? null : nationalRegisterNumber(),
      passportNumber: i % 5 === 1 || i === 502 ? null : passportNumber(),
    }));
    await sql(
      `INSERT INTO "Client" ("id", "firmId", "fileNumber", "firstName", "lastName", "nationality", "citizenship", "language", "nationalRegisterNumber", "passportNumber", "updatedAt")
        SELECT id, $2, id, 'Old', 'Client', 'MA', 'NON_EU', 'fr', nrn, passport, now() FROM unnest($1::text[], $3::text[], $4::text[]) AS r(id, nrn, passport)`,
      [rows.map((r) => r.id), firmId, rows.map((r) => r.nationalRegisterNumber), rows.map((r) => r.passportNumber)],
    );
    legacy.push(...rows);
  }
});
afterAll(async () => {
  const { getDb } = await import('@/lib/db');
  await getDb().$disconnect();
  await dropDatabase(baseUrl, name);
  rmSync(oldHistory, { recursive: true, force: true });
});

describe('upgrading an installation with identity numbers in clear', () => {
  it('refuses to drop the clear columns while a value is left, if the migrations are applied without the data step', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(readFileSync(path.join(MIGRATIONS, SEALED, 'migration.sql'), 'utf8'));
      await expect(client.query(readFileSync(path.join(MIGRATIONS, DROPPED, 'migration.sql'), 'utf8'))).rejects.toThrow(/still in clear: apply migrations with npm run db:deploy/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Client" WHERE "nationalRegisterNumber" IS NOT NULL`))[0]!.n).toBeGreaterThan(800);
  });

  it('seals every number, drops the clear columns, and leaves no number in clear in any table', async () => {
    const { applied } = await deployMigrations(url, quiet);
    expect(applied).toEqual(expect.arrayContaining([SEALED, DROPPED]));
    const columns = await sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Client' AND column_name IN ('nationalRegisterNumber', 'passportNumber')`);
    expect(columns).toEqual([]);
    const values = legacy.flatMap((row) => clearForms(row.nationalRegisterNumber ?? 'none', row.passportNumber ?? 'none')).filter((v) => !v.includes('none'));
    const tables = await sql<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(20);
    for (const { name: table } of tables) {
      const hits = await sql(`SELECT 1 FROM "${table}" t WHERE t::text LIKE ANY($1::text[]) LIMIT 1`, [values.map((v) => `%${v}%`)]);
      expect(hits, table).toEqual([]);
    }
  });

  it('the app reads every number back, finds duplicates by it, and a second deploy changes nothing', async () => {
    const { getDb } = await import('@/lib/db');
    const { openIdentityNumbers, identityNumberHash } = await import('@/lib/server/client/identity-numbers');
    const { findDuplicateClients } = await import('@/lib/server/client/find-duplicate-clients');
    const db = getDb();
    const rows = new Map((await db.client.findMany()).map((row) => [row.id, row]));
    for (const old of legacy) {
      const row = rows.get(old.id)!;
      expect(openIdentityNumbers(row)).toEqual({ nationalRegisterNumber: old.nationalRegisterNumber, passportNumber: old.passportNumber, unreadable: [] });
      expect(row.nationalRegisterNumberHash).toBe(old.nationalRegisterNumber ? identityNumberHash(old.firmId, 'nationalRegisterNumber', old.nationalRegisterNumber) : null);
    }
    const someone = legacy.find((row) => row.nationalRegisterNumber)!;
    const found = await findDuplicateClients(db, someone.firmId, { firstName: 'Any', lastName: 'Name', nationalRegisterNumber: someone.nationalRegisterNumber! });
    expect(found.map((row) => row.id)).toEqual([someone.id]);
    const sealed = await db.client.findMany({ select: { id: true, nationalRegisterNumberEnc: true, passportNumberEnc: true }, orderBy: { id: 'asc' } });
    expect((await deployMigrations(url, quiet)).applied).toEqual([]);
    expect(await db.client.findMany({ select: { id: true, nationalRegisterNumberEnc: true, passportNumberEnc: true }, orderBy: { id: 'asc' } })).toEqual(sealed);
  });
});
