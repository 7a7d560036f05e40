import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Field-level encryption for the few values an attacker with a copy of the database must not read (identity
// numbers). AES-256-GCM with a fresh 12-byte IV per value, sealed as one self-describing string
// "v1.<keyId>.<iv>.<ciphertext>.<tag>" (base64url), so that a row written under an older key still opens while
// the keyring holds that key, and new writes always use the current one. The caller's context (table, column,
// row id) is authenticated with the value: a ciphertext copied onto another row or column does not open.

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** Key ids go into the sealed string, whose separator is "."; short and plain so they read well in config. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export type Keyring = {
  /** New values are sealed under this key. */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
};

export type FieldCryptoFailure = 'format' | 'unknownKey' | 'authentication';

/** A sealed value that cannot be opened: malformed, under a key not in the keyring, or altered (or moved). */
export class FieldCryptoError extends Error {
  constructor(
    readonly reason: FieldCryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function keyOf(keyring: Keyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new FieldCryptoError('unknownKey', `no key "${keyId}" in the keyring (DATA_ENCRYPTION_KEYS)`);
  return key;
}

// The header is authenticated too, so the key id cannot be swapped for another one that happens to exist.
const aad = (header: string, context: string) => Buffer.from(`${header}|${context}`, 'utf8');

export function encryptField(keyring: Keyring, plaintext: string, context: string): string {
  const keyId = keyring.currentKeyId;
  const key = keyOf(keyring, keyId);
  const header = `${VERSION}.${keyId}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${header}.${b64(iv)}.${b64(ciphertext)}.${b64(cipher.getAuthTag())}`;
}

type Parsed = { header: string; keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

function parseSealed(sealed: string): Parsed {
  const parts = sealed.split('.');
  const [version, keyId, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !KEY_ID_PATTERN.test(keyId) || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new FieldCryptoError('format', 'not a sealed value of a known format');
  }
  const bytes = { iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  if (bytes.iv.length !== IV_BYTES || bytes.tag.length !== TAG_BYTES) throw new FieldCryptoError('format', 'sealed value with a wrong IV or tag length');
  return { header: `${version}.${keyId}`, keyId, ...bytes };
}

/** The plaintext, or FieldCryptoError: never a value that did not authenticate. */
export function decryptField(keyring: Keyring, sealed: string, context: string): string {
  const { header, keyId, iv, ciphertext, tag } = parseSealed(sealed);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyring, keyId), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(header, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldCryptoError('authentication', `sealed value under key "${keyId}" did not authenticate (altered, moved to another row, or a different key with the same id)`);
  }
}

/** The key id a sealed value names, or null when it is not one; rotation reads it without decrypting. */
export function sealedKeyId(sealed: string): string | null {
  try {
    return parseSealed(sealed).keyId;
  } catch {
    return null;
  }
}

/** The prefix every value sealed under `keyId` starts with (for SQL: rows not yet under the current key). */
export const sealedPrefix = (keyId: string) => `${VERSION}.${keyId}.`;

/**
 * HMAC-SHA256 of a value within a scope, hex. Equal inputs give equal hashes, which is what duplicate detection
 * and exact search need; without the key, the hash of an 11-digit number cannot be found by trying them all.
 */
export function keyedHash(key: Buffer, scope: string, value: string): string {
  // Length-prefixed, so ("a|b", "c") and ("a", "b|c") never hash alike.
  return createHmac('sha256', key).update(`${scope.length}:${scope}|${value}`, 'utf8').digest('hex');
}
