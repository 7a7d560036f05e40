import type { Db, Tx } from '@/lib/db';
import type { ImportStatus } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { Storage } from '@/lib/storage/storage';
import { readStoredMapping, readStoredReport, type StoredMapping, type StoredReport } from './import-fields';

/** An import untouched for a day is over: its people are purged from it (the worker looks every hour). */
export const IMPORT_RETENTION_MS = 24 * 60 * 60_000;

// Jobs read per round: an abandoned job holds its whole upload (up to 20,000 rows) in `mapping`.
const BATCH = 20;

export type ImportPurgeReport = { deleted: number; stripped: number; filesDeleted: number; filesLeft: { key: string; error: string }[] };

type Candidate = { id: string; firmId: string; status: ImportStatus; fileName: string; totalRows: number; storageKey: string | null; mapping: unknown; report: unknown };

/**
 * What a committed job keeps once purged: the counts and the column titles. The issue list goes (its cells and
 * the names of possible duplicates are people's data), and so do the names of the clients created; those
 * clients are in the clients table, untouched.
 */
function strippedReport(report: StoredReport): StoredReport {
  return {
    ...(report.validation ? { validation: { ...report.validation, issues: [] } } : {}),
    ...(report.result ? { result: { ...report.result, clients: [] } } : {}),
  };
}

function strippedMapping(mapping: StoredMapping | null): StoredMapping | Record<string, never> {
  return mapping ? { ...mapping, source: { ...mapping.source, rows: [] } } : {};
}

/** One job, with its audit row, in one transaction; false when it changed since it was read (someone picked it up). */
async function purgeOne(tx: Tx, job: Candidate, cutoff: Date, now: Date): Promise<'deleted' | 'stripped' | null> {
  // Re-checked in the write itself: a job someone touched since the read is no longer a day old.
  const unchanged = { id: job.id, firmId: job.firmId, status: job.status, purgedAt: null, updatedAt: { lt: cutoff } };
  let outcome: 'deleted' | 'stripped';
  if (job.status === 'COMMITTED') {
    const { count } = await tx.importJob.updateMany({
      where: unchanged,
      data: { purgedAt: now, storageKey: null, mapping: strippedMapping(readStoredMapping(job.mapping)), report: strippedReport(readStoredReport(job.report)) },
    });
    if (count !== 1) return null;
    outcome = 'stripped';
  } else {
    const { count } = await tx.importJob.deleteMany({ where: unchanged });
    if (count !== 1) return null;
    outcome = 'deleted';
  }
  await recordAudit(tx, {
    firmId: job.firmId,
    actor: { kind: 'system' },
    action: 'import.purged',
    entity: 'import',
    entityId: job.id,
    after: { fileName: job.fileName, status: job.status, rows: job.totalRows, kept: outcome === 'stripped' ? 'counts' : 'nothing' },
  });
  return outcome;
}

/**
 * Purges, across every firm, the imports nobody has touched for a day (IMPORT_RETENTION_MS after their last
 * change): an upload that was never committed (UPLOADED, VALIDATED, FAILED) is deleted with its rows and stored
 * file; a committed one keeps its counts and loses the rest (see strippedReport). A COMMITTING job a day old is
 * one whose process died: a live commit writes its progress every few rows and its transaction gives up after
 * 30 minutes, so it is deleted like the abandoned ones. Each job and its audit row (actor SYSTEM) commit
 * together; stored files are deleted after the commit, so a rolled-back purge never loses a file it still
 * names. A file that cannot be deleted is reported in `filesLeft` (the job no longer names it).
 */
export async function purgeImportJobs({ db, storage, now = new Date() }: { db: Db; storage: Storage; now?: Date }): Promise<ImportPurgeReport> {
  const cutoff = new Date(now.getTime() - IMPORT_RETENTION_MS);
  const report: ImportPurgeReport = { deleted: 0, stripped: 0, filesDeleted: 0, filesLeft: [] };
  let after: string | undefined;
  for (;;) {
    // Few rows in all (a firm imports now and then), so no index: the scan is cheaper than keeping one.
    const jobs: Candidate[] = await db.importJob.findMany({
      where: { purgedAt: null, updatedAt: { lt: cutoff }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, firmId: true, status: true, fileName: true, totalRows: true, storageKey: true, mapping: true, report: true },
    });
    for (const job of jobs) {
      const outcome = await db.$transaction((tx) => purgeOne(tx, job, cutoff, now));
      if (!outcome) continue;
      report[outcome] += 1;
      if (!job.storageKey) continue;
      try {
        await storage.delete(job.storageKey);
        report.filesDeleted += 1;
      } catch (error) {
        report.filesLeft.push({ key: job.storageKey, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (jobs.length < BATCH) return report;
    after = jobs.at(-1)!.id;
  }
}
