import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

// Tokens sent by email (invitations, magic links, iCal feeds) are stored only as SHA-256 hashes, so a copy of
// the database does not let anyone sign in. TOTP secrets must be readable to verify codes, so they are
// encrypted (AES-256-GCM) with a key derived from AUTH_SECRET.

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function secretKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', env().AUTH_SECRET, 'sejour', 'totp-secret-encryption', 32));
}

export function encryptSecret(plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function decryptSecret(sealed: string): Uint8Array {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('unreadable secret');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]));
}
