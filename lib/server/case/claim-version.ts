import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Optimistic locking: bumps the case's version only if it is still the one the editor read, in one
 * statement, so of two concurrent saves exactly one wins and the other is told, not overwritten.
 * Returns the case as it was before this save.
 */
export async function claimVersion(tx: Tx, firmId: string, caseId: string, version: number) {
  const before = await tx.case.findFirst({ where: { id: caseId, firmId, deletedAt: null } });
  if (!before) throw new AppError('NOT_FOUND');
  const { count } = await tx.case.updateMany({ where: { id: caseId, firmId, version, deletedAt: null }, data: { version: { increment: 1 } } });
  if (count !== 1) {
    throw new AppError('CONFLICT', { message: `case ${caseId} is at version ${before.version}, not ${version}`, userMessage: 'CONFLICT', details: { currentVersion: before.version } });
  }
  return before;
}
