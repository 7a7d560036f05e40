import { decryptField, encryptField, FieldCryptoError } from '@/lib/crypto/field-encryption';
import type { FieldKeys } from '@/lib/crypto/field-keys';
import { fieldKeys } from '@/lib/env';
import { logger } from '@/lib/logger';
import { identityNumberHash, NORMALISE } from './identity-numbers';

// A national register number held on a row that is not a client's: an inquiry from the public form, or someone
// on the other side of a case. Sealed as a client's is (lib/crypto, bound to its table, column and row), with the
// same keyed hash per firm, so one number gives one hash whether a client, an inquirer or an other party holds
// it: the conflict check matches on it without opening anything.

export const SEALED_NUMBER_TABLES = ['Inquiry', 'OtherParty'] as const;
export type SealedNumberTable = (typeof SEALED_NUMBER_TABLES)[number];

/** What the ciphertext is bound to: "Inquiry.nationalRegisterNumber:<id>". */
export const sealedNumberContext = (table: SealedNumberTable, id: string) => `${table}.nationalRegisterNumber:${id}`;

export function sealNationalRegisterNumber(
  { table, id, firmId }: { table: SealedNumberTable; id: string; firmId: string },
  value: string | null | undefined,
  keys: FieldKeys = fieldKeys(),
): { nationalRegisterNumberEnc: string | null; nationalRegisterNumberHash: string | null } {
  const digits = value ? NORMALISE.nationalRegisterNumber(value) : '';
  if (!digits) return { nationalRegisterNumberEnc: null, nationalRegisterNumberHash: null };
  return {
    nationalRegisterNumberEnc: encryptField(keys.encryption, digits, sealedNumberContext(table, id)),
    nationalRegisterNumberHash: identityNumberHash(firmId, 'nationalRegisterNumber', digits, keys),
  };
}

/** The number in clear; a value that does not open (missing key, moved from another row) is `unreadable`, never guessed. */
export function openNationalRegisterNumber(
  { table, id, sealed }: { table: SealedNumberTable; id: string; sealed: string | null },
  keys: FieldKeys = fieldKeys(),
): { value: string | null; unreadable: boolean } {
  if (!sealed) return { value: null, unreadable: false };
  try {
    return { value: decryptField(keys.encryption, sealed, sealedNumberContext(table, id)), unreadable: false };
  } catch (error) {
    if (!(error instanceof FieldCryptoError)) throw error;
    logger().error({ table, id, reason: error.reason, detail: error.message }, 'national register number could not be decrypted');
    return { value: null, unreadable: true };
  }
}
