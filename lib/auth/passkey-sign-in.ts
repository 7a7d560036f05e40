import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { sharedMetrics } from '@/lib/metrics/shared-metrics.mjs';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseAssertion, verifyPasskeyAssertion } from './passkey-assertion';
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure } from './rate-limit';
import { createSession } from './sessions';
import { SignInRefused } from './staff-sign-in';
import { createChallenge, takeChallenge } from './webauthn-challenges';
import { webAuthnRelyingParty } from './webauthn-config';

// Signing in with a passkey alone: a discoverable credential whose authenticator verified the person (PIN,
// fingerprint), which is possession and knowledge or inherence in one step, so it is strong authentication and
// no password or code is asked. The challenge names no one; the browser holds its id in an httpOnly cookie.

/** Holds the sign-in challenge's id between the options and the assertion: httpOnly, this site only, 5 minutes. */
export const PASSKEY_CHALLENGE_COOKIE = 'sejour-passkey-challenge';

/** The challenge id from a Cookie header, as the passkey provider receives it. */
export function challengeIdFromCookies(header: string | null): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === PASSKEY_CHALLENGE_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

export async function startPasskeySignIn(now = new Date()) {
  const { id, bytes } = await createChallenge(getDb(), { purpose: 'SIGN_IN', userId: null, now });
  const options = await generateAuthenticationOptions({ rpID: webAuthnRelyingParty().rpID, challenge: bytes, userVerification: 'required' });
  return { challengeId: id, options };
}

export async function passkeySignIn(input: { challengeId: string | null; response: unknown }, context: RequestContext, now = new Date()): Promise<{ sessionId: string; userId: string }> {
  const db = getDb();
  const response = parseAssertion(input.response);
  const passkey = response ? await db.passkey.findUnique({ where: { credentialId: response.id }, select: { userId: true, user: { select: { email: true } } } }) : null;
  // The per-account limit needs a key: the account the credential names, or the credential id when none does.
  const email = passkey?.user.email ?? `passkey:${response?.id ?? 'malformed'}`;
  const membership = passkey ? await db.membership.findFirst({ where: { userId: passkey.userId, deactivatedAt: null }, orderBy: { createdAt: 'asc' } }) : null;

  try {
    await checkSignInAllowed({ email, ip: context.ip });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
    await db.$transaction((tx) =>
      recordAudit(tx, { firmId: membership?.firmId ?? null, actor: { kind: 'anonymous' }, action: 'auth.sign_in_throttled', entity: 'session', entityId: passkey?.userId, after: { method: 'passkey' }, context }),
    );
    sharedMetrics().signInFailures.inc({ reason: 'throttled' });
    throw new SignInRefused('rate_limited', Number(error.details?.retryAfterSeconds ?? 900));
  }

  const fail = async (reason: 'passkey' | 'passkey_unknown' | 'passkey_counter') => {
    sharedMetrics().signInFailures.inc({ reason: 'passkey' });
    await recordSignInFailure({ email, ip: context.ip });
    await db.$transaction((tx) =>
      recordAudit(tx, { firmId: membership?.firmId ?? null, actor: { kind: 'anonymous' }, action: 'auth.sign_in_failed', entity: 'session', entityId: passkey?.userId, after: { method: 'passkey', reason }, context }),
    );
    throw new SignInRefused('passkey_invalid');
  };

  // Taken before anything else is checked, so a challenge serves one attempt whatever its outcome.
  const challenge = input.challengeId ? await takeChallenge(db, { id: input.challengeId, purpose: 'SIGN_IN', userId: null, now }) : null;
  if (!response || !challenge) return fail('passkey');
  const outcome = await verifyPasskeyAssertion(db, { response, challenge, userId: null, requireUserVerification: true, now });
  if (!outcome.ok) return fail(outcome.reason === 'unknown_credential' ? 'passkey_unknown' : outcome.reason === 'counter' ? 'passkey_counter' : 'passkey');
  // A passkey of someone no longer in any firm opens nothing.
  if (!membership) return fail('passkey');

  await clearSignInFailures({ email });
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createSession(tx, { userId: outcome.userId, firmId: membership.firmId, kind: 'STAFF', ...context });
    await recordAudit(tx, { firmId: membership.firmId, actor: { kind: 'staff', userId: outcome.userId }, action: 'auth.sign_in', entity: 'session', entityId: id, after: { method: 'passkey' }, context });
    return id;
  });
  return { sessionId, userId: outcome.userId };
}
