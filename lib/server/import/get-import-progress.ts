import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ImportStatus } from '@/lib/generated/prisma/enums';
import { parseInput } from '@/lib/server/validate';

const ZInput = z.object({ jobId: z.string().min(1).max(64) });

export type ImportProgress = { status: ImportStatus; processedRows: number; totalRows: number };

/** What the progress bar polls every second: three columns of one row of the actor's firm, never the upload. */
export async function getImportProgress({ actor, input }: { actor: StaffActor; input: unknown }): Promise<ImportProgress> {
  assertCan(actor, 'import.run');
  const { jobId } = parseInput(ZInput, input);
  const job = await getDb().importJob.findFirst({
    where: { id: jobId, firmId: actor.firmId },
    select: { status: true, processedRows: true, totalRows: true },
  });
  if (!job) throw new AppError('NOT_FOUND');
  return job;
}
