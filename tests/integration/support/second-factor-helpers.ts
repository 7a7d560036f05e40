import { generateHOTP } from '@oslojs/otp';
import { expect } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { decryptSecret } from '@/lib/auth/secrets';
import { SignInRefused } from '@/lib/auth/staff-sign-in';
import { webAuthnRelyingParty } from '@/lib/auth/webauthn-config';
import { getDb } from '@/lib/db';
import { registerPasskey } from '@/lib/server/account/register-passkey';
import { startPasskeyRegistration } from '@/lib/server/account/start-passkey-registration';
import { confirmTotpEnrolment, startTotpEnrolment } from '@/lib/server/account/totp-enrolment';
import { newContext } from './fixtures';
import { createSoftAuthenticator, type SoftAuthenticator } from './soft-authenticator';

// Shared by the second-factor tests. Import after setupTestDatabase(), as the tests do lib/server.

const db = getDb();

/** The code an authenticator app shows `steps` half-minutes from `at`. */
export function codeAt(key: Uint8Array, steps = 0, at = Date.now()): string {
  return generateHOTP(key, BigInt(Math.floor(at / 30_000) + steps), 6);
}

/** Enrols TOTP with the current code (which that spends) and returns the key and the recovery codes it brought. */
export async function enrolTotp(actor: StaffActor): Promise<{ key: Uint8Array; recoveryCodes: string[] | null }> {
  await startTotpEnrolment({ actor });
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true } });
  const key = decryptSecret(totpSecret!);
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, input: { code: codeAt(key) }, context: newContext() });
  return { key, recoveryCodes };
}

/** A passkey made on a software authenticator, registered through the real operations. */
export async function addPasskey(actor: StaffActor & { sessionId: string }, name = 'Work laptop', authenticator = createSoftAuthenticator({ origin: webAuthnRelyingParty().origin })) {
  const { challengeId, options } = await startPasskeyRegistration({ actor });
  const response = authenticator.register(options);
  const result = await registerPasskey({ actor, input: { challengeId, name, response: JSON.stringify(response) }, context: newContext() });
  return { authenticator, ...result };
}

export function softAuthenticator(): SoftAuthenticator {
  return createSoftAuthenticator({ origin: webAuthnRelyingParty().origin });
}

/** The refusal a sign-in ends with, or null when it signed in. */
export async function refusalOf(attempt: Promise<unknown>): Promise<InstanceType<typeof SignInRefused> | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(SignInRefused);
    return error as InstanceType<typeof SignInRefused>;
  }
}

export const failures = (userId: string) =>
  db.auditLog.findMany({ where: { action: 'auth.sign_in_failed', entityId: userId }, orderBy: { id: 'asc' } }).then((rows) => rows.map((row) => (row.diff as { after?: { reason?: string } }).after?.reason));
