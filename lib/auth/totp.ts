import { randomBytes } from 'node:crypto';
import { encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { decryptSecret, encryptSecret } from './secrets';

// RFC 6238 codes: 30-second steps, 6 digits, SHA-1 — what every authenticator app understands.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// One step either side forgives a phone clock that is a few seconds off.
const GRACE_STEPS = [1, 0, -1] as const;

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

/**
 * The RFC 6238 time step a code belongs to (now, or one step either side), or null when it matches none. The caller
 * accepts it only if that step is later than the last one used (redeem-totp-code.ts), so a code works once.
 */
export function totpStepOf(sealed: string, code: string, now: Date): bigint | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const key = decryptSecret(sealed);
  const current = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
  // Newest first: were a code to match two steps, the later one is the one that burns the earlier codes too.
  for (const offset of GRACE_STEPS) {
    const step = BigInt(current + offset);
    if (verifyHOTP(key, step, DIGITS, digits)) return step;
  }
  return null;
}
