import { hkdfSync } from 'node:crypto';
import { KEY_BYTES, KEY_ID_PATTERN, type Keyring } from './field-encryption';

// Reading the field-encryption keys from their configuration text. lib/env.ts calls these; they only parse.

export type FieldKeys = { encryption: Keyring; hashKey: Buffer };

export const GENERATE_KEY_HINT = 'openssl rand -base64 32';

/**
 * "k2:<base64 32 bytes>,k1:<base64 32 bytes>": every key that may still have sealed a stored value, the current
 * one first. Throws a message saying what is wrong (never the key itself); lib/env prefixes the setting's name.
 */
export function parseKeyring(text: string): Keyring {
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) throw new Error(`empty; expected "<keyId>:<base64 key>" (${GENERATE_KEY_HINT})`);
  const keys = new Map<string, Buffer>();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID_PATTERN.test(id)) throw new Error(`each entry is "<keyId>:<base64 key>" with a key id of letters, digits, - or _ (entry ${keys.size + 1})`);
    if (keys.has(id)) throw new Error(`key id "${id}" is listed twice`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`key "${id}" must be ${KEY_BYTES} bytes in base64 (${GENERATE_KEY_HINT})`);
    keys.set(id, key);
  }
  return { currentKeyId: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys };
}

export function parseHashKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < KEY_BYTES) throw new Error(`must be at least ${KEY_BYTES} bytes in base64 (${GENERATE_KEY_HINT})`);
  return key;
}

/**
 * Outside production, keys derived from AUTH_SECRET (itself generated once under DATA_DIR when unset): a fresh
 * checkout and every test run work with no set-up, the same data stays readable across restarts, and the dev
 * keys are never the production ones (production refuses to start without its own, see lib/env.ts).
 */
export function developmentKeys(authSecret: string): { encryption: Keyring; hashKey: Buffer } {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', authSecret, 'sejour-field-keys', info, KEY_BYTES));
  return { encryption: { currentKeyId: 'dev', keys: new Map([['dev', derive('data-encryption-key')]]) }, hashKey: derive('data-hash-key') };
}

/**
 * The settings that give another process the same keys: for the benchmarks and test servers that start the app
 * in production (which requires them) on data this process sealed.
 */
export function fieldKeySettings(keys: FieldKeys): { DATA_ENCRYPTION_KEYS: string; DATA_HASH_KEY: string } {
  const ids = [keys.encryption.currentKeyId, ...[...keys.encryption.keys.keys()].filter((id) => id !== keys.encryption.currentKeyId)];
  return {
    DATA_ENCRYPTION_KEYS: ids.map((id) => `${id}:${keys.encryption.keys.get(id)!.toString('base64')}`).join(','),
    DATA_HASH_KEY: keys.hashKey.toString('base64'),
  };
}
