import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, FieldCryptoError, keyedHash, sealedKeyId, type Keyring } from '@/lib/crypto/field-encryption';
import { developmentKeys, parseKeyring } from '@/lib/crypto/field-keys';
import { parseEnv, parseFieldKeys } from '@/lib/env';

// The attacker holds a copy of the database and can write to it; they do not hold the keys.

const key = () => randomBytes(32);
const ring = (current: string, ...ids: string[]): Keyring => ({ currentKeyId: current, keys: new Map([current, ...ids].map((id) => [id, key()])) });
const CONTEXT = 'Client.nationalRegisterNumber:client-1';
const NUMBER = '85073003361';

/** The sealed string with one of its dot-separated parts changed. */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split('.');
  parts[index] = change(parts[index]!);
  return parts.join('.');
}
const flipFirstByte = (part: string) => {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  return bytes.toString('base64url');
};

function refusal(run: () => unknown): FieldCryptoError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldCryptoError);
    return error as FieldCryptoError;
  }
  throw new Error('expected a refusal');
}

describe('field encryption', () => {
  it('round-trips, and never stores the number or the same ciphertext twice', () => {
    const keys = ring('k1');
    const a = encryptField(keys, NUMBER, CONTEXT);
    const b = encryptField(keys, NUMBER, CONTEXT);
    expect(a).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(a).not.toContain(NUMBER);
    expect(a).not.toBe(b);
    expect(decryptField(keys, a, CONTEXT)).toBe(NUMBER);
    expect(decryptField(keys, b, CONTEXT)).toBe(NUMBER);
  });

  it('writes under the current key and reads any key of the keyring', () => {
    const old = ring('k1');
    const sealedOld = encryptField(old, NUMBER, CONTEXT);
    const rotated: Keyring = { currentKeyId: 'k2', keys: new Map([['k2', key()], ['k1', old.keys.get('k1')!]]) };
    const sealedNew = encryptField(rotated, NUMBER, CONTEXT);
    expect(sealedKeyId(sealedOld)).toBe('k1');
    expect(sealedKeyId(sealedNew)).toBe('k2');
    expect(decryptField(rotated, sealedOld, CONTEXT)).toBe(NUMBER);
    expect(decryptField(rotated, sealedNew, CONTEXT)).toBe(NUMBER);
    // Once k1 is gone from the keyring, what it sealed is refused by name, not misread.
    const withoutK1: Keyring = { currentKeyId: 'k2', keys: new Map([['k2', rotated.keys.get('k2')!]]) };
    expect(refusal(() => decryptField(withoutK1, sealedOld, CONTEXT))).toMatchObject({ reason: 'unknownKey', message: expect.stringContaining('"k1"') });
  });

  it('refuses a tampered tag, IV or ciphertext', () => {
    const keys = ring('k1');
    const sealed = encryptField(keys, NUMBER, CONTEXT);
    for (const index of [2, 3, 4]) expect(refusal(() => decryptField(keys, withPart(sealed, index, flipFirstByte), CONTEXT)).reason).toBe('authentication');
  });

  it('refuses a key id swapped for another key of the keyring', () => {
    const keys = ring('k1', 'k2');
    const sealed = encryptField(keys, NUMBER, CONTEXT);
    expect(refusal(() => decryptField(keys, withPart(sealed, 1, () => 'k2'), CONTEXT)).reason).toBe('authentication');
    expect(refusal(() => decryptField(keys, withPart(sealed, 1, () => 'k9'), CONTEXT)).reason).toBe('unknownKey');
  });

  it('refuses a value moved to another row or column', () => {
    const keys = ring('k1');
    const sealed = encryptField(keys, NUMBER, CONTEXT);
    expect(refusal(() => decryptField(keys, sealed, 'Client.nationalRegisterNumber:client-2')).reason).toBe('authentication');
    expect(refusal(() => decryptField(keys, sealed, 'Client.passportNumber:client-1')).reason).toBe('authentication');
  });

  it('refuses a different key under the same id, and malformed values', () => {
    const sealed = encryptField(ring('k1'), NUMBER, CONTEXT);
    expect(refusal(() => decryptField(ring('k1'), sealed, CONTEXT)).reason).toBe('authentication');
    for (const bad of [NUMBER, '', 'v2.k1.a.b.c', sealed.split('.').slice(0, 4).join('.'), withPart(sealed, 2, (iv) => iv.slice(2))]) {
      expect(refusal(() => decryptField(ring('k1'), bad, CONTEXT)).reason).toBe('format');
    }
  });

  it('hashes equal numbers alike within a scope and apart across scopes and keys', () => {
    const hashKey = key();
    expect(keyedHash(hashKey, 'firm-a', NUMBER)).toBe(keyedHash(hashKey, 'firm-a', NUMBER));
    expect(keyedHash(hashKey, 'firm-a', NUMBER)).not.toBe(keyedHash(hashKey, 'firm-b', NUMBER));
    expect(keyedHash(hashKey, 'firm-a', NUMBER)).not.toBe(keyedHash(key(), 'firm-a', NUMBER));
    expect(keyedHash(hashKey, 'a|b', 'c')).not.toBe(keyedHash(hashKey, 'a', 'b|c'));
    expect(keyedHash(hashKey, 'firm-a', NUMBER)).not.toContain(NUMBER);
  });
});

describe('field keys configuration', () => {
  const b64 = () => key().toString('base64');
  const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'sejour-keys-'));

  it('reads the current key first and every older one', () => {
    const keyring = parseKeyring(` k2:${b64()} , k1:${b64()}`);
    expect(keyring.currentKeyId).toBe('k2');
    expect([...keyring.keys.keys()]).toEqual(['k2', 'k1']);
  });

  it('names what is wrong without printing the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseKeyring(`k1:${short}`)).toThrow(/key "k1" must be 32 bytes/);
    expect(() => parseKeyring(`k1:${short}`)).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
    expect(() => parseKeyring(`k1:${b64()},k1:${b64()}`)).toThrow(/listed twice/);
    expect(() => parseKeyring(`k.1:${b64()}`)).toThrow(/key id/);
    expect(() => parseKeyring(b64())).toThrow(/key id/);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dataDir(), DATA_HASH_KEY: 'c2hvcnQ=' })).toThrow(/DATA_HASH_KEY: must be at least 32 bytes/);
  });

  it('requires both keys in production, before anything starts', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://x@localhost/db', AUTH_SECRET: 'x'.repeat(40) };
    expect(() => parseEnv(production)).toThrow(/DATA_ENCRYPTION_KEYS is required in production[\s\S]*DATA_HASH_KEY is required in production/);
    expect(() => parseFieldKeys(production)).toThrow(/DATA_ENCRYPTION_KEYS is required in production/);
    const keys = parseFieldKeys({ ...production, DATA_ENCRYPTION_KEYS: `k1:${b64()}`, DATA_HASH_KEY: b64() });
    expect(keys.encryption.currentKeyId).toBe('k1');
    expect(() => parseEnv({ ...production, DATA_ENCRYPTION_KEYS: `k1:${b64()}`, DATA_HASH_KEY: b64() })).not.toThrow();
  });

  it('outside production derives stable keys from AUTH_SECRET, different for another secret', () => {
    const a = parseFieldKeys({ AUTH_SECRET: 'a'.repeat(40) });
    expect(a.encryption.currentKeyId).toBe('dev');
    expect(parseFieldKeys({ AUTH_SECRET: 'a'.repeat(40) }).encryption.keys.get('dev')).toEqual(a.encryption.keys.get('dev'));
    expect(developmentKeys('b'.repeat(40)).encryption.keys.get('dev')).not.toEqual(a.encryption.keys.get('dev'));
    expect(a.hashKey).not.toEqual(a.encryption.keys.get('dev'));
  });
});
