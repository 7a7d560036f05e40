import { ensureDevDatabase } from '../lib/dev/dev-database';

// `npm run backup`: one archive of the whole installation into BACKUP_DIR (DATA_DIR/backups by default), then the
// oldest beyond BACKUP_KEEP are removed. Works while Sejour runs (the database is read in one snapshot); with no
// DATABASE_URL it uses, or starts, the embedded Postgres under DATA_DIR.

const database = await ensureDevDatabase();
process.env.DATABASE_URL = database.url;
const { env } = await import('../lib/env');
const { getStorage } = await import('../lib/storage/get-storage');
const { createBackup } = await import('../lib/backup/create-backup');
let exitCode = 0;
try {
  const config = env();
  const result = await createBackup({ databaseUrl: database.url, storage: getStorage(), backupDir: config.BACKUP_DIR, trigger: 'MANUAL', keep: config.BACKUP_KEEP });
  const rows = Object.values(result.tables).reduce((sum, n) => sum + n, 0);
  console.log(`[sejour] backup written: ${result.file} (${(result.bytes / 1048576).toFixed(1)} MB; ${rows} rows in ${Object.keys(result.tables).length} tables, ${result.files} files)`);
} catch (error) {
  console.error(`[sejour] backup failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await database.stop();
}
// Explicit: with process.exitCode alone the script exited 0 after a refusal (something it loads resets it; not
// pinned down), and a refused restore or a failed backup must fail the shell or cron job that ran it.
process.exit(exitCode);
