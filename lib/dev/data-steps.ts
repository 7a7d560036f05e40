import type { FieldKeys } from '@/lib/crypto/field-keys';
import { fieldKeys } from '@/lib/env';
import { sealIdentityNumbers } from '@/lib/server/client/identity-numbers';
import { withClient } from './schema-engine';

// Data migrations SQL cannot do: they need the app's keys. Each runs during a deploy just before the migration it
// names, once every earlier migration is applied; that migration is applied only after the step has finished.
// A step must be idempotent (an interrupted deploy runs it again) and leave the database valid for the schema
// of the migrations before `before`.

export type DataStep = {
  /** The migration this step must precede. */
  before: string;
  name: string;
  /** Returns how many rows it changed. */
  run: (databaseUrl: string) => Promise<number>;
  /** After all migrations of the deploy, when `run` changed rows. */
  afterwards?: (databaseUrl: string) => Promise<void>;
};

const BATCH = 500;

type PlainRow = { id: string; firmId: string; nationalRegisterNumber: string | null; passportNumber: string | null };

/**
 * Seals every identity number still in clear and clears it, a batch per transaction. The plaintext columns are
 * dropped by the next migration, which refuses while any value is left, so a crash here loses nothing: the next
 * deploy picks up where this one stopped.
 */
async function sealPlaintextIdentityNumbers(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    let sealed = 0;
    // Read only when there is something to seal: a new installation deploys before any key matters.
    let keys: FieldKeys | undefined;
    for (;;) {
      await client.query('BEGIN');
      try {
        const { rows } = await client.query<PlainRow>(
          `SELECT "id", "firmId", "nationalRegisterNumber", "passportNumber" FROM "Client"
            WHERE "nationalRegisterNumber" IS NOT NULL OR "passportNumber" IS NOT NULL ORDER BY "id" LIMIT $1 FOR UPDATE`,
          [BATCH],
        );
        keys ??= rows.length ? fieldKeys() : undefined;
        for (const row of rows) {
          const columns = sealIdentityNumbers({ clientId: row.id, firmId: row.firmId }, row, keys);
          await client.query(
            `UPDATE "Client" SET "nationalRegisterNumberEnc" = $2, "nationalRegisterNumberHash" = $3, "passportNumberEnc" = $4, "passportNumberHash" = $5,
              "nationalRegisterNumber" = NULL, "passportNumber" = NULL WHERE "id" = $1`,
            [row.id, columns.nationalRegisterNumberEnc, columns.nationalRegisterNumberHash, columns.passportNumberEnc, columns.passportNumberHash],
          );
        }
        await client.query('COMMIT');
        if (!rows.length) return sealed;
        sealed += rows.length;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  });
}

/**
 * Neither clearing a value nor dropping its column removes the old bytes from the table's files: the previous row
 * versions stay on disk until rewritten. VACUUM FULL rewrites the table (dropped columns written as NULL, dead
 * rows left behind) and its indexes. It locks the table, which during a deploy nobody is using yet.
 */
async function rewriteClientTable(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query('VACUUM FULL "Client"'));
}

export const DATA_STEPS: DataStep[] = [
  { before: '20261207100100_client_identity_numbers_plaintext_dropped', name: 'seal client identity numbers', run: sealPlaintextIdentityNumbers, afterwards: rewriteClientTable },
];
