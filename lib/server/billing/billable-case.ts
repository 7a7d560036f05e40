import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { localizedText } from '@/lib/server/service/service-view';

/**
 * The case of the actor's firm, and the service named by the input when there is one; else NOT_FOUND. The service
 * comes back with its name in the client's language (a fee note's line is read by them) and its fee, so an entry
 * made "from the catalogue" can take the description, rate and VAT the firm set there.
 */
export async function billableCase(tx: Tx, firmId: string, caseId: string, serviceId: string | undefined) {
  const kase = await tx.case.findFirst({ where: { id: caseId, firmId, deletedAt: null }, select: { id: true, clientId: true, client: { select: { language: true } } } });
  if (!kase) throw new AppError('NOT_FOUND', { message: `no case ${caseId} in firm` });
  if (!serviceId) return { ...kase, service: null };
  const row = await tx.service.findFirst({ where: { id: serviceId, firmId }, select: { id: true, name: true, feeKind: true, feeCents: true, vatRateBasisPoints: true } });
  if (!row) throw new AppError('NOT_FOUND', { message: `no service ${serviceId} in firm` });
  return { ...kase, service: { ...row, name: localizedText(row.name, kase.client.language) } };
}

/** A field the member left blank and the service cannot fill: refused on that field, before anything is written. */
export function missingField(field: string): never {
  throw new AppError('VALIDATION', { message: `invalid input: ${field}`, details: { fieldErrors: { [field]: ['required'] } } });
}
