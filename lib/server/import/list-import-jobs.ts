import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

/** The firm's latest imports, newest first, for picking one up again; the uploads themselves are not read. */
export async function listImportJobs({ actor, limit = 10 }: { actor: StaffActor; limit?: number }) {
  assertCan(actor, 'import.run');
  return getDb().importJob.findMany({
    where: { firmId: actor.firmId },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 50),
    select: { id: true, fileName: true, status: true, totalRows: true, createdAt: true },
  });
}
