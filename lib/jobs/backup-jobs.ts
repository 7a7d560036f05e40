import type { PgBoss } from 'pg-boss';
import { createBackup } from '@/lib/backup/create-backup';
import { env } from '@/lib/env';
import { getStorage } from '@/lib/storage/get-storage';

export const BACKUP_QUEUE = 'backup';

/**
 * The scheduled backup (BACKUP_SCHEDULE, Europe/Brussels; nightly by default), once across all workers: pg-boss
 * fires a cron once and the singleton queue runs one at a time. A failed run is recorded in BackupRun (the status
 * page and /api/health show it) and not retried at once: the next scheduled run tries again, and a retry loop on
 * a full disk would only fill the log.
 */
export async function registerBackupJobs(boss: PgBoss, deps: { log: (message: string, extra?: Record<string, unknown>) => void }): Promise<void> {
  const config = env();
  // A large firm's archive takes minutes; the default 15 minutes would have pg-boss fail a backup still writing.
  await boss.createQueue(BACKUP_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 6 * 3600 });
  if (config.BACKUP_SCHEDULE === 'off') {
    await boss.unschedule(BACKUP_QUEUE);
    deps.log('scheduled backups are off (BACKUP_SCHEDULE=off)');
    return;
  }
  await boss.schedule(BACKUP_QUEUE, config.BACKUP_SCHEDULE, null, { tz: 'Europe/Brussels' });
  await boss.work(BACKUP_QUEUE, async () => {
    try {
      const result = await createBackup({
        databaseUrl: config.DATABASE_URL,
        storage: getStorage(),
        backupDir: config.BACKUP_DIR,
        trigger: 'SCHEDULE',
        keep: config.BACKUP_KEEP,
      });
      deps.log('backup written', { file: result.file, bytes: result.bytes, files: result.files });
    } catch (error) {
      deps.log('backup failed', { error: error instanceof Error ? error.message : String(error) });
    }
  });
}
