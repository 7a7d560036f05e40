import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { Db, Tx } from '@/lib/db';
import { webAuthnRelyingParty } from './webauthn-config';

// Checking what a passkey signed: the challenge we issued, our origin and RP ID, the stored public key, and a
// counter that must grow. Used for the passkey alone (user verification required) and after a password.

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/).max(4096);
const ZAssertion = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** The browser's assertion, as posted (a JSON string), or null when it is not one. */
export function parseAssertion(raw: unknown): AuthenticationResponseJSON | null {
  if (typeof raw !== 'string' || raw.length > 20_000) return null;
  try {
    const parsed = ZAssertion.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
  } catch {
    return null;
  }
}

export type AssertionOutcome =
  | { ok: true; passkeyId: string; userId: string }
  | { ok: false; reason: 'unknown_credential' | 'counter' | 'invalid'; userId?: string };

export async function verifyPasskeyAssertion(
  db: Db | Tx,
  input: { response: AuthenticationResponseJSON; challenge: string; userId: string | null; requireUserVerification: boolean; now: Date },
): Promise<AssertionOutcome> {
  // A deleted passkey, or one of someone else when the person is known, is simply not found.
  const passkey = await db.passkey.findFirst({ where: { credentialId: input.response.id, ...(input.userId ? { userId: input.userId } : {}) } });
  if (!passkey) return { ok: false, reason: 'unknown_credential' };
  const { rpID, origin } = webAuthnRelyingParty();
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: input.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports as never },
      requireUserVerification: input.requireUserVerification,
    });
    if (!result.verified) return { ok: false, reason: 'invalid', userId: passkey.userId };
    newCounter = result.authenticationInfo.newCounter;
  } catch (error) {
    // The library refuses a counter that did not grow: the sign of a cloned authenticator.
    const reason = error instanceof Error && /counter/i.test(error.message) ? 'counter' : 'invalid';
    return { ok: false, reason, userId: passkey.userId };
  }
  // Conditional on the counter read above, so two assertions racing on one credential cannot both move it.
  const changed = await db.$executeRaw`
    UPDATE "Passkey" SET "counter" = ${BigInt(newCounter)}, "lastUsedAt" = ${input.now}
    WHERE "id" = ${passkey.id} AND "counter" = ${passkey.counter}`;
  if (changed !== 1) return { ok: false, reason: 'counter', userId: passkey.userId };
  return { ok: true, passkeyId: passkey.id, userId: passkey.userId };
}
