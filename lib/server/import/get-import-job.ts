import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ImportStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/server/validate';
import { readStoredMapping, readStoredReport, type StoredMapping, type StoredReport } from './import-fields';

const ZInput = z.object({ jobId: z.string().min(1).max(64) });

export type ImportJobView = {
  id: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  createdAt: Date;
  updatedAt: Date;
  /** When the upload and its rows' values were removed (purgeImportJobs); the counts stay. */
  purgedAt: Date | null;
  mapping: StoredMapping | null;
  report: StoredReport;
};

/** An import job of the actor's firm, with its upload, mapping and report; another firm's id is not found. */
export async function getImportJob({ actor, input }: { actor: StaffActor; input: unknown }): Promise<ImportJobView> {
  assertCan(actor, 'import.run');
  const { jobId } = parseInput(ZInput, input);
  const job = await getDb().importJob.findFirst({
    where: { id: jobId, firmId: actor.firmId },
    select: { id: true, fileName: true, status: true, totalRows: true, processedRows: true, createdAt: true, updatedAt: true, purgedAt: true, mapping: true, report: true },
  });
  if (!job) throw new AppError('NOT_FOUND');
  return { ...job, mapping: readStoredMapping(job.mapping), report: readStoredReport(job.report) };
}
