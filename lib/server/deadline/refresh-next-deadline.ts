import type { Tx } from '@/lib/db';

/** The cases table sorts on this: the earliest deadline still open, computed, entered by hand or from a document. */
export async function refreshNextDeadline(tx: Tx, firmId: string, caseId: string): Promise<void> {
  const soonest = await tx.deadline.findFirst({ where: { caseId, firmId, status: 'OPEN' }, orderBy: { dueOn: 'asc' }, select: { dueOn: true, kind: true } });
  await tx.case.update({ where: { id: caseId, firmId }, data: { nextDeadlineOn: soonest?.dueOn ?? null, nextDeadlineKind: soonest?.kind ?? null } });
}
