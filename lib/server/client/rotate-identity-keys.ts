import { decryptField, encryptField, FieldCryptoError, sealedPrefix } from '@/lib/crypto/field-encryption';
import type { FieldKeys } from '@/lib/crypto/field-keys';
import { getDb, type Db } from '@/lib/db';
import { fieldKeys } from '@/lib/env';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { identityContext as context, type IdentityField } from './identity-numbers';
import { rotateSealedNumbers, type SealedNumberUnreadable } from './rotate-sealed-numbers';

// `npm run keys:rotate`: after a new key was put first in DATA_ENCRYPTION_KEYS, every identity number still
// sealed under an older key is opened and sealed again under the new one, so the older key can be dropped.
// The lookup hashes do not change (DATA_HASH_KEY is not rotated). Safe to run again or after an interruption:
// it only ever looks at values not yet under the current key.

export type RotationReport = {
  keyId: string;
  /** Clients whose values were re-sealed. */
  clients: number;
  /** Inquiries and other parties whose national register number was re-sealed. */
  inquiries: number;
  otherParties: number;
  firms: number;
  /** Values that did not open (their key is missing, or they were altered); left as they are. */
  unreadable: ({ clientId: string; field: IdentityField; reason: FieldCryptoError['reason'] } | SealedNumberUnreadable)[];
};

const COLUMNS = { nationalRegisterNumber: 'nationalRegisterNumberEnc', passportNumber: 'passportNumberEnc' } as const;
type Row = { id: string; firmId: string; updatedAt: Date; nationalRegisterNumberEnc: string | null; passportNumberEnc: string | null };

export async function rotateIdentityKeys({ db = getDb(), keys = fieldKeys(), batchSize = 200 }: { db?: Db; keys?: FieldKeys; batchSize?: number } = {}): Promise<RotationReport> {
  const keyId = keys.encryption.currentKeyId;
  const current = sealedPrefix(keyId);
  const stale = (column: (typeof COLUMNS)[IdentityField]) => ({ AND: [{ [column]: { not: null } }, { NOT: { [column]: { startsWith: current } } }] });
  const report: RotationReport = { keyId, clients: 0, inquiries: 0, otherParties: 0, firms: 0, unreadable: [] };
  const firms = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const rows: Row[] = await db.client.findMany({
      where: { ...(after ? { id: { gt: after } } : {}), OR: [stale(COLUMNS.nationalRegisterNumber), stale(COLUMNS.passportNumber)] },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true, firmId: true, updatedAt: true, nationalRegisterNumberEnc: true, passportNumberEnc: true },
    });
    if (!rows.length) break;
    after = rows.at(-1)!.id;

    const resealed = rows.flatMap((row) => {
      const data: Partial<Record<(typeof COLUMNS)[IdentityField], string>> = {};
      for (const field of ['nationalRegisterNumber', 'passportNumber'] as const) {
        const sealed = row[COLUMNS[field]];
        if (!sealed || sealed.startsWith(current)) continue;
        try {
          data[COLUMNS[field]] = encryptField(keys.encryption, decryptField(keys.encryption, sealed, context(field, row.id)), context(field, row.id));
        } catch (error) {
          if (!(error instanceof FieldCryptoError)) throw error;
          report.unreadable.push({ clientId: row.id, field, reason: error.reason });
        }
      }
      return Object.keys(data).length ? [{ row, data }] : [];
    });

    await db.$transaction(async (tx) => {
      const perFirm = new Map<string, number>();
      for (const { row, data } of resealed) {
        // Only if the row still holds what was read: a client edited meanwhile was written under the current key.
        const { count } = await tx.client.updateMany({
          where: { id: row.id, firmId: row.firmId, nationalRegisterNumberEnc: row.nationalRegisterNumberEnc, passportNumberEnc: row.passportNumberEnc },
          // Re-sealing changes nothing about the client: their "last changed" stays.
          data: { ...data, updatedAt: row.updatedAt },
        });
        if (count) perFirm.set(row.firmId, (perFirm.get(row.firmId) ?? 0) + 1);
      }
      for (const [firmId, clients] of perFirm) {
        await recordAudit(tx, { firmId, actor: { kind: 'system' }, action: 'firm.identity_keys_rotated', entity: 'firm', entityId: firmId, after: { keyId, clients } });
        firms.add(firmId);
        report.clients += clients;
      }
    });
  }
  // The same numbers held before anyone is a client (inquiries) and on the other side of a case.
  for (const table of ['Inquiry', 'OtherParty'] as const) {
    const done = await rotateSealedNumbers(db, table, keys, batchSize);
    report[table === 'Inquiry' ? 'inquiries' : 'otherParties'] = done.rows;
    report.unreadable.push(...done.unreadable);
    for (const firmId of done.firms) firms.add(firmId);
  }
  return { ...report, firms: firms.size };
}
