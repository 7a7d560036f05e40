import type { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, toDbDate } from '@/lib/dates';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';
import { FREE_MOVEMENT_NATIONALITIES, ZClientInput } from './client-schemas';
import { findDuplicateClients } from './find-duplicate-clients';
import { newClientId, SEALED_IDENTITY_OMIT, sealIdentityNumbers } from './identity-numbers';

/** The next free file number of the year ("2026-0042"); the caller holds the firm's numbering lock. */
async function nextFileNumber(tx: Tx, firmId: string, year: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring("fileNumber" from ${`^${year}-(\\d{1,9})$`})::int) AS max FROM "Client" WHERE "firmId" = ${firmId}`;
  return `${year}-${String((row?.max ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * Creates a client. The same name and birth date, or the same national register number, is probably the
 * same person: the form shows them and asks for confirmation instead of creating a second record.
 */
export async function createClient({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'client.create');
  const data = parseInput(ZClientInput, input);
  const { id, fileNumber } = await getDb().$transaction((tx) => insertClient(tx, { actor, data, context }));
  return { id, fileNumber };
}

/**
 * The new client's rows in the caller's transaction (the form above, and an inquiry converted into a client):
 * duplicate detection, the file number, sealed numbers, the audit row. The caller checked the permission.
 */
export async function insertClient(tx: Tx, { actor, data, context }: { actor: StaffActor; data: z.output<typeof ZClientInput>; context: RequestContext }) {
  if (!data.confirmDuplicate) {
    const duplicates = await findDuplicateClients(tx, actor.firmId, data);
    if (duplicates.length) {
      throw new AppError('CONFLICT', { message: 'possible duplicate client', userMessage: 'clients.duplicate', details: { duplicates }, exposed: { duplicates } });
    }
  }
  // One numbering at a time per firm, so two people creating clients never get the same file number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`client-number:${actor.firmId}`}))`;
  const fileNumber = data.fileNumber ?? (await nextFileNumber(tx, actor.firmId, brusselsDate().slice(0, 4)));
  if (await tx.client.findFirst({ where: { firmId: actor.firmId, fileNumber }, select: { id: true } })) {
    throw new AppError('VALIDATION', { message: 'file number taken', details: { fieldErrors: { fileNumber: ['fileNumberTaken'] } } });
  }
  const { confirmDuplicate: _confirm, birthDate, nationalRegisterNumber, passportNumber, ...fields } = data;
  const id = newClientId();
  const client = await tx.client.create({
    data: {
      ...fields,
      id,
      fileNumber,
      firmId: actor.firmId,
      birthDate: birthDate ? toDbDate(birthDate) : null,
      citizenship: FREE_MOVEMENT_NATIONALITIES.has(data.nationality) ? 'EU' : 'NON_EU',
      ...sealIdentityNumbers({ clientId: id, firmId: actor.firmId }, { nationalRegisterNumber, passportNumber }),
      // Names and file number only: the identity numbers are found through their hashes, never in clear.
      searchText: searchable(data.firstName, data.lastName, fileNumber),
    },
    omit: SEALED_IDENTITY_OMIT,
  });
  // The log records that numbers were given (masked), not their ciphertexts or hashes.
  const after = { ...client, nationalRegisterNumber: nationalRegisterNumber ?? null, passportNumber: passportNumber ?? null };
  await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'client.created', entity: 'client', entityId: client.id, after, context });
  return { id: client.id, fileNumber: client.fileNumber, firstName: client.firstName, lastName: client.lastName, citizenship: client.citizenship, birthDate: client.birthDate };
}
