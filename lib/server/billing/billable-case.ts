import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** The case of the actor's firm, and the service named by the input when there is one; else NOT_FOUND. */
export async function billableCase(tx: Tx, firmId: string, caseId: string, serviceId: string | undefined) {
  const kase = await tx.case.findFirst({ where: { id: caseId, firmId, deletedAt: null }, select: { id: true, clientId: true } });
  if (!kase) throw new AppError('NOT_FOUND', { message: `no case ${caseId} in firm` });
  if (serviceId) {
    const service = await tx.service.findFirst({ where: { id: serviceId, firmId }, select: { id: true } });
    if (!service) throw new AppError('NOT_FOUND', { message: `no service ${serviceId} in firm` });
  }
  return kase;
}
