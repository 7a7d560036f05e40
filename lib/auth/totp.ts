import { randomBytes } from 'node:crypto';
import { encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { decryptSecret, encryptSecret } from './secrets';

// RFC 6238 codes: 30-second steps, 6 digits, SHA-1 — what every authenticator app understands.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// One step either side forgives a phone clock that is a few seconds off.
const GRACE_SECONDS = 30;

export function newTotpSecret(): { sealed: string; key: Uint8Array } {
  const key = new Uint8Array(randomBytes(20));
  return { sealed: encryptSecret(key), key };
}

export function totpUri(sealed: string, accountEmail: string): string {
  return createTOTPKeyURI('Sejour', accountEmail, decryptSecret(sealed), PERIOD_SECONDS, DIGITS);
}

export function totpManualKey(sealed: string): string {
  return encodeBase32NoPadding(decryptSecret(sealed)).replace(/(.{4})/g, '$1 ').trim();
}

export function verifyTotpCode(sealed: string, code: string): boolean {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  return verifyTOTPWithGracePeriod(decryptSecret(sealed), PERIOD_SECONDS, DIGITS, digits, GRACE_SECONDS);
}
