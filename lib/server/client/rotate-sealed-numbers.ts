import { decryptField, encryptField, FieldCryptoError, sealedPrefix } from '@/lib/crypto/field-encryption';
import type { FieldKeys } from '@/lib/crypto/field-keys';
import type { Db, Tx } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { sealedNumberContext, type SealedNumberTable } from './sealed-national-number';

// The rest of `npm run keys:rotate` (rotate-identity-keys.ts): the national register numbers held on inquiries
// and other parties, re-sealed under the current key the same way, batch by batch, only if the row still holds
// what was read, without touching updatedAt, with one audit row per firm and batch.

export type SealedNumberUnreadable = { table: SealedNumberTable; id: string; field: 'nationalRegisterNumber'; reason: FieldCryptoError['reason'] };
type Row = { id: string; firmId: string; updatedAt: Date; nationalRegisterNumberEnc: string | null };

const COUNT_KEY = { Inquiry: 'inquiries', OtherParty: 'otherParties' } as const satisfies Record<SealedNumberTable, string>;

function delegate(db: Db | Tx, table: SealedNumberTable) {
  // Both models have the same sealed column; one code path for the two.
  return (table === 'Inquiry' ? db.inquiry : db.otherParty) as unknown as {
    findMany(args: object): Promise<Row[]>;
    updateMany(args: object): Promise<{ count: number }>;
  };
}

export async function rotateSealedNumbers(db: Db, table: SealedNumberTable, keys: FieldKeys, batchSize: number) {
  const keyId = keys.encryption.currentKeyId;
  const current = sealedPrefix(keyId);
  const out = { rows: 0, firms: new Set<string>(), unreadable: [] as SealedNumberUnreadable[] };
  let after: string | undefined;
  for (;;) {
    const rows = await delegate(db, table).findMany({
      where: { ...(after ? { id: { gt: after } } : {}), nationalRegisterNumberEnc: { not: null }, NOT: { nationalRegisterNumberEnc: { startsWith: current } } },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true, firmId: true, updatedAt: true, nationalRegisterNumberEnc: true },
    });
    if (!rows.length) return out;
    after = rows.at(-1)!.id;
    const resealed = rows.flatMap((row) => {
      const context = sealedNumberContext(table, row.id);
      try {
        return [{ row, sealed: encryptField(keys.encryption, decryptField(keys.encryption, row.nationalRegisterNumberEnc!, context), context) }];
      } catch (error) {
        if (!(error instanceof FieldCryptoError)) throw error;
        out.unreadable.push({ table, id: row.id, field: 'nationalRegisterNumber', reason: error.reason });
        return [];
      }
    });
    await db.$transaction(async (tx) => {
      const perFirm = new Map<string, number>();
      for (const { row, sealed } of resealed) {
        const { count } = await delegate(tx, table).updateMany({
          where: { id: row.id, firmId: row.firmId, nationalRegisterNumberEnc: row.nationalRegisterNumberEnc },
          data: { nationalRegisterNumberEnc: sealed, updatedAt: row.updatedAt },
        });
        if (count) perFirm.set(row.firmId, (perFirm.get(row.firmId) ?? 0) + 1);
      }
      for (const [firmId, count] of perFirm) {
        await recordAudit(tx, { firmId, actor: { kind: 'system' }, action: 'firm.identity_keys_rotated', entity: 'firm', entityId: firmId, after: { keyId, [COUNT_KEY[table]]: count } });
        out.firms.add(firmId);
        out.rows += count;
      }
    });
  }
}
