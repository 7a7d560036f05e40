import { generateRegistrationOptions } from '@simplewebauthn/server';
import type { Actor } from '@/lib/auth/actor';
import { assertRecentSignIn } from '@/lib/auth/recent-sign-in';
import { createChallenge } from '@/lib/auth/webauthn-challenges';
import { webAuthnRelyingParty } from '@/lib/auth/webauthn-config';
import { getDb } from '@/lib/db';

/**
 * The options the browser needs to make a passkey for the signed-in person, and the id of the challenge it must
 * sign (bound to them). Discoverable and user-verifying, so the same passkey can later be the whole sign-in.
 */
export async function startPasskeyRegistration({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const db = getDb();
  const staff = await assertRecentSignIn(db, actor, now);
  const user = await db.user.findUniqueOrThrow({ where: { id: staff.userId }, select: { id: true, email: true, name: true, passkeys: { select: { credentialId: true, transports: true } } } });
  const { id, bytes } = await createChallenge(db, { purpose: 'REGISTRATION', userId: user.id, now });
  const { rpID, rpName } = webAuthnRelyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    // The user handle the authenticator stores: our id, which names nobody outside this database.
    userID: new TextEncoder().encode(user.id),
    challenge: bytes,
    attestationType: 'none',
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return { challengeId: id, options };
}
