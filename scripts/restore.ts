import { ensureDevDatabase } from '../lib/dev/dev-database';

// `npm run restore -- <archive>`: an archive from `npm run backup` into an empty installation (a new
// DATABASE_URL database, or a new DATA_DIR, and empty storage). Stop Sejour first. Everything is checked before
// anything is written; a refusal says why and changes nothing.

const archive = process.argv[2];
if (!archive || process.argv.length > 3) {
  console.error('usage: npm run restore -- <path to sejour-backup-….tar.gz>');
  process.exit(2);
}
const database = await ensureDevDatabase();
process.env.DATABASE_URL = database.url;
const { getStorage } = await import('../lib/storage/get-storage');
const { restoreBackup } = await import('../lib/backup/restore-backup');
let exitCode = 0;
try {
  const result = await restoreBackup({ archive, databaseUrl: database.url, storage: getStorage() });
  const rows = Object.values(result.tables).reduce((sum, n) => sum + n, 0);
  console.log(`[sejour] restored ${rows} rows in ${Object.keys(result.tables).length} tables and ${result.files} files; manifest counts and hashes match`);
  if (result.laterMigrations.length) console.log(`[sejour] then applied ${result.laterMigrations.length} newer migration(s): ${result.laterMigrations.join(', ')}`);
} catch (error) {
  console.error(`[sejour] restore refused: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await database.stop();
}
// Explicit: with process.exitCode alone the script exited 0 after a refusal (something it loads resets it; not
// pinned down), and a refused restore or a failed backup must fail the shell or cron job that ran it.
process.exit(exitCode);
