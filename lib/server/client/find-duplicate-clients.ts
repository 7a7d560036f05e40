import { toDbDate } from '@/lib/dates';
import type { Tx } from '@/lib/db';
import { identityNumberHash } from './identity-numbers';

export type DuplicateCandidate = { id: string; fileNumber: string; firstName: string; lastName: string; birthDate: string | null };

/** Clients of the firm that are probably the same person: same names and birth date, or same national number. */
export async function findDuplicateClients(
  tx: Tx,
  firmId: string,
  person: { firstName: string; lastName: string; birthDate?: string; nationalRegisterNumber?: string },
): Promise<DuplicateCandidate[]> {
  const sameIdentity = person.birthDate
    ? [{ firstName: { equals: person.firstName, mode: 'insensitive' as const }, lastName: { equals: person.lastName, mode: 'insensitive' as const }, birthDate: toDbDate(person.birthDate) }]
    : [];
  // By its keyed hash: the number is stored sealed, and the hash is the same however it was typed.
  const sameNumber = person.nationalRegisterNumber ? [{ nationalRegisterNumberHash: identityNumberHash(firmId, 'nationalRegisterNumber', person.nationalRegisterNumber) }] : [];
  if (!sameIdentity.length && !sameNumber.length) return [];
  const rows = await tx.client.findMany({
    where: { firmId, deletedAt: null, OR: [...sameIdentity, ...sameNumber] },
    select: { id: true, fileNumber: true, firstName: true, lastName: true, birthDate: true },
    take: 5,
  });
  return rows.map((row) => ({ ...row, birthDate: row.birthDate?.toISOString().slice(0, 10) ?? null }));
}
