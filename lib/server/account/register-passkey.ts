import { verifyRegistrationResponse } from '@simplewebauthn/server';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { assertRecentSignIn } from '@/lib/auth/recent-sign-in';
import { issueFirstRecoveryCodes } from '@/lib/auth/recovery-codes';
import { takeChallenge } from '@/lib/auth/webauthn-challenges';
import { webAuthnRelyingParty } from '@/lib/auth/webauthn-config';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZPasskeyName } from './passkey-name';

const ZInput = z.object({
  challengeId: z.string().min(1).max(40),
  name: ZPasskeyName,
  // The browser's attestation as JSON, checked by the library below.
  response: z.string().min(2).max(50_000),
});

const refused = () => new AppError('VALIDATION', { message: 'passkey registration not verified', userMessage: 'security.passkeyNotSaved' });

/** Verifies the browser's new credential against the person's own challenge and keeps it. */
export async function registerPasskey({ actor, input, context, now = new Date() }: { actor: Actor; input: unknown; context: RequestContext; now?: Date }) {
  const db = getDb();
  const staff = await assertRecentSignIn(db, actor, now);
  const { challengeId, name, response } = parseInput(ZInput, input);
  let parsed: RegistrationResponseJSON;
  try {
    parsed = JSON.parse(response) as RegistrationResponseJSON;
  } catch {
    throw refused();
  }
  // Taken whatever happens next: one challenge, one attempt.
  const challenge = await takeChallenge(db, { id: challengeId, purpose: 'REGISTRATION', userId: staff.userId, now });
  if (!challenge) throw refused();
  const { rpID, origin } = webAuthnRelyingParty();
  const verification = await verifyRegistrationResponse({ response: parsed, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(() => null);
  if (!verification?.verified) throw refused();
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  return db.$transaction(async (tx) => {
    // The credential id is unique: a passkey already kept (for anyone) is not taken over.
    if (await tx.passkey.count({ where: { credentialId: credential.id } })) throw new AppError('CONFLICT', { message: 'passkey already registered', userMessage: 'security.passkeyExists' });
    const passkey = await tx.passkey.create({
      data: {
        userId: staff.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name,
      },
      select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true },
    });
    await recordAudit(tx, {
      firmId: staff.firmId,
      actor: { kind: 'staff', userId: staff.userId },
      action: 'auth.passkey_added',
      entity: 'member',
      entityId: staff.userId,
      after: { passkeyId: passkey.id, name, deviceType: credentialDeviceType, credentialIdPrefix: credential.id.slice(0, 8) },
      context,
    });
    return { passkey, recoveryCodes: await issueFirstRecoveryCodes(tx, staff, context) };
  });
}
