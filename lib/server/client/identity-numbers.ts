import { randomUUID } from 'node:crypto';
import { decryptField, encryptField, FieldCryptoError, keyedHash } from '@/lib/crypto/field-encryption';
import type { FieldKeys } from '@/lib/crypto/field-keys';
import { fieldKeys } from '@/lib/env';
import { logger } from '@/lib/logger';

// A client's national register number and passport number at rest: sealed with AES-256-GCM (lib/crypto), bound
// to the client's row and column, plus a keyed hash per firm for duplicate detection and search by exact number.
// The database never holds them in clear; only lib/server opens them, for the client page and the GDPR export.

export const IDENTITY_FIELDS = ['nationalRegisterNumber', 'passportNumber'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type IdentityNumbers = { nationalRegisterNumber: string | null; passportNumber: string | null };

export type SealedIdentityColumns = {
  nationalRegisterNumberEnc: string | null;
  nationalRegisterNumberHash: string | null;
  passportNumberEnc: string | null;
  passportNumberHash: string | null;
};

/** For Prisma's `omit`: rows handed to pages carry neither the ciphertexts nor the hashes. */
export const SEALED_IDENTITY_OMIT = { nationalRegisterNumberEnc: true, nationalRegisterNumberHash: true, passportNumberEnc: true, passportNumberHash: true } as const;

/** The form the hash is taken over: a number typed "85.07.30-033.61" or "85073003361" is the same number. */
export const NORMALISE: Record<IdentityField, (value: string) => string> = {
  nationalRegisterNumber: (value) => value.replace(/\D/g, ''),
  passportNumber: (value) => value.toUpperCase().replace(/[^A-Z0-9]/g, ''),
};

/**
 * Client ids are chosen before the insert, because the id is part of what each ciphertext authenticates. UUIDs,
 * as other app-chosen ids here (documents, outbox rows); older clients keep their cuids.
 */
export const newClientId = () => randomUUID();

/** What each ciphertext is bound to: its column and its row. */
export const identityContext = (field: IdentityField, clientId: string) => `Client.${field}:${clientId}`;
const context = identityContext;

/** Scoped by firm (and field): the same number in two firms gives two unrelated hashes. */
export function identityNumberHash(firmId: string, field: IdentityField, value: string, keys: FieldKeys = fieldKeys()): string {
  return keyedHash(keys.hashKey, `Client.${field}|${firmId}`, NORMALISE[field](value));
}

export function sealIdentityNumbers(
  { clientId, firmId }: { clientId: string; firmId: string },
  numbers: { nationalRegisterNumber?: string | null; passportNumber?: string | null },
  keys: FieldKeys = fieldKeys(),
): SealedIdentityColumns {
  const seal = (field: IdentityField) => {
    const value = numbers[field] ? NORMALISE[field](numbers[field]) : '';
    return value ? { enc: encryptField(keys.encryption, value, context(field, clientId)), hash: identityNumberHash(firmId, field, value, keys) } : { enc: null, hash: null };
  };
  const nrn = seal('nationalRegisterNumber');
  const passport = seal('passportNumber');
  return { nationalRegisterNumberEnc: nrn.enc, nationalRegisterNumberHash: nrn.hash, passportNumberEnc: passport.enc, passportNumberHash: passport.hash };
}

export type OpenedIdentityNumbers = IdentityNumbers & {
  /** Fields stored but not readable: a missing or wrong key, or a value that does not belong to this row. */
  unreadable: IdentityField[];
};

/**
 * The client's numbers in clear. A value that does not open is reported as unreadable and never guessed at: a
 * ciphertext copied from another client's row fails here, so no one is ever shown someone else's number.
 */
export function openIdentityNumbers(
  row: { id: string; nationalRegisterNumberEnc: string | null; passportNumberEnc: string | null },
  keys: FieldKeys = fieldKeys(),
): OpenedIdentityNumbers {
  const unreadable: IdentityField[] = [];
  const open = (field: IdentityField, sealed: string | null) => {
    if (!sealed) return null;
    try {
      return decryptField(keys.encryption, sealed, context(field, row.id));
    } catch (error) {
      if (!(error instanceof FieldCryptoError)) throw error;
      logger().error({ clientId: row.id, field, reason: error.reason, detail: error.message }, 'identity number could not be decrypted');
      unreadable.push(field);
      return null;
    }
  };
  return {
    nationalRegisterNumber: open('nationalRegisterNumber', row.nationalRegisterNumberEnc),
    passportNumber: open('passportNumber', row.passportNumberEnc),
    unreadable,
  };
}

/**
 * The hashes a search text may be an exact identity number for: 11 digits, typed with or without the usual dots,
 * dashes and spaces ("85.07.30-033.61"), or a passport number (5 to 20 letters and digits, at least one digit).
 */
export function identitySearchHashes(firmId: string, q: string): { nationalRegisterNumberHash?: string; passportNumberHash?: string } {
  const text = q.trim();
  const out: { nationalRegisterNumberHash?: string; passportNumberHash?: string } = {};
  if (/^[\d.\-\s/]+$/.test(text) && NORMALISE.nationalRegisterNumber(text).length === 11) {
    out.nationalRegisterNumberHash = identityNumberHash(firmId, 'nationalRegisterNumber', text);
  }
  if (/^[A-Za-z0-9]{5,20}$/.test(text) && /\d/.test(text)) out.passportNumberHash = identityNumberHash(firmId, 'passportNumber', text);
  return out;
}
