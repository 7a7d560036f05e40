import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db';
import { purgeImportJobs } from '@/lib/server/import/purge-import-jobs';
import { getStorage } from '@/lib/storage/get-storage';

export const IMPORT_PURGE_QUEUE = 'import-purge';

/**
 * Purges imports a day after their last change (purgeImportJobs), every hour across all workers: pg-boss fires a
 * cron once, and the singleton queue runs one purge at a time. Hourly keeps an upload's people at most 25 hours.
 */
export async function registerImportPurgeJobs(boss: PgBoss, deps: { db: Db; log: (message: string, extra?: Record<string, unknown>) => void }): Promise<void> {
  await boss.createQueue(IMPORT_PURGE_QUEUE, { policy: 'singleton', retryLimit: 0 });
  await boss.schedule(IMPORT_PURGE_QUEUE, '0 * * * *', null, { tz: 'Europe/Brussels' });
  await boss.work(IMPORT_PURGE_QUEUE, async () => {
    const report = await purgeImportJobs({ db: deps.db, storage: getStorage() });
    if (report.deleted > 0 || report.stripped > 0) deps.log('imports purged', { ...report });
    // The job no longer names these files: the log is the only place left to find them.
    if (report.filesLeft.length > 0) deps.log('import files left in storage', { files: report.filesLeft });
  });
}
