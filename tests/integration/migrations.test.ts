import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing } from '@/lib/dev/dev-database';
import { databaseUrl } from '@/lib/dev/embedded-postgres';
import { checkDrift, deployMigrations, pendingMigrations } from '@/lib/dev/migrations';
import { dropDatabase } from './support/admin';

// The committed history must rebuild exactly prisma/schema.prisma, and `npm run db:deploy` (what CI, the
// Docker image and `prisma migrate deploy` do) must bring an empty database up to date, once.

const MIGRATIONS = 'prisma/migrations';
const quiet = { log: () => {} };
const baseUrl = inject('databaseBaseUrl');
const name = `sejour_migrations_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const url = databaseUrl(baseUrl, name);

const onDisk = existsSync(MIGRATIONS)
  ? readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS, e.name, 'migration.sql')))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b))
  : [];

async function databasesNamedLike(pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [pattern]);
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

beforeAll(() => createDatabaseIfMissing(baseUrl, name));
afterAll(() => dropDatabase(baseUrl, name));

describe('prisma/migrations', () => {
  it('exists, in Prisma Migrate format', () => {
    expect(onDisk.length, 'no migrations yet: npm run db:migrate -- init').toBeGreaterThan(0);
    for (const dir of onDisk) expect(dir).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(readFileSync(path.join(MIGRATIONS, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('rebuilds exactly prisma/schema.prisma (no drift)', async () => {
    const { inSync, summary } = await checkDrift(url, quiet);
    expect(inSync, `schema.prisma and prisma/migrations disagree; run npm run db:migrate -- <name>\n${summary}`).toBe(true);
  });

  it('still sees a changed covering index (its INCLUDE columns aside)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sejour-drift-'));
    const schemaPath = path.join(dir, 'schema.prisma');
    const schema = readFileSync('prisma/schema.prisma', 'utf8');
    const changed = schema.replace('@@index([firmId, stage, assignedToId], map: "Case_live_stage_idx"', '@@index([firmId, stage], map: "Case_live_stage_idx"');
    expect(changed).not.toBe(schema);
    writeFileSync(schemaPath, changed);
    try {
      const { inSync, summary } = await checkDrift(url, { ...quiet, schemaPath, migrationsDir: MIGRATIONS });
      expect(inSync).toBe(false);
      expect(summary).toContain('CREATE INDEX "Case_live_stage_idx" ON "Case"("firmId", "stage")');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies every migration to a fresh database, then none on a second run', async () => {
    expect(await pendingMigrations(url)).toEqual(onDisk);
    expect((await deployMigrations(url, quiet)).applied).toEqual(onDisk);
    expect((await deployMigrations(url, quiet)).applied).toEqual([]);
    expect(await pendingMigrations(url)).toEqual([]);
  });

  it('leaves no shadow database behind', async () => {
    expect(await databasesNamedLike(`${name}_shadow_%`)).toEqual([]);
  });
});
