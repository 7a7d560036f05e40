import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '@/lib/db';
import type { SecondFactorPolicy } from '@/lib/generated/prisma/enums';
import { parseAssertion, verifyPasskeyAssertion } from './passkey-assertion';
import { redeemRecoveryCode } from './recovery-codes';
import { redeemTotpCode } from './redeem-totp-code';
import { totpCounts } from './second-factor-policy';
import { createChallenge, takeChallenge } from './webauthn-challenges';
import { webAuthnRelyingParty } from './webauthn-config';

// The step after the password: what the person has set up, what the sign-in form offers them, and checking
// what they sent. Offered only once the password was right, so the offer reveals nothing to a guesser.

export type Enrolled = { totpSecret: string | null; passkeys: { credentialId: string; transports: string[] }[]; recoveryCodes: number };
export type SecondFactorProof = { totp?: string; recoveryCode?: string; passkey?: string; challengeId?: string };
export type SecondFactorOffer = { totp: boolean; recoveryCode: boolean; passkey: { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON } | null };
export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery_code';
/** Why a proof failed, as the audit log records it. */
export type SecondFactorFailure = 'totp' | 'totp_replayed' | 'passkey' | 'passkey_unknown' | 'passkey_counter' | 'recovery_code' | 'totp_not_allowed';

export async function enrolledFactors(db: Db, user: { id: string; totpSecret: string | null; totpEnabledAt: Date | null }): Promise<Enrolled> {
  const [passkeys, recoveryCodes] = await Promise.all([
    db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true }, orderBy: { createdAt: 'asc' } }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return { totpSecret: user.totpEnabledAt ? user.totpSecret : null, passkeys, recoveryCodes };
}

/** Whether the password alone is not enough for this person (recovery codes alone are a fallback, not a factor). */
export const needsSecondFactor = (enrolled: Enrolled) => Boolean(enrolled.totpSecret) || enrolled.passkeys.length > 0;

/** What the form may ask for; with passkeys, a challenge bound to this person for the browser to sign. */
export async function offerSecondFactor(db: Db, userId: string, enrolled: Enrolled, policy: SecondFactorPolicy): Promise<SecondFactorOffer> {
  const hasPasskey = enrolled.passkeys.length > 0;
  let passkey: SecondFactorOffer['passkey'] = null;
  if (hasPasskey) {
    const { id, bytes } = await createChallenge(db, { purpose: 'SECOND_FACTOR', userId });
    const options = await generateAuthenticationOptions({
      rpID: webAuthnRelyingParty().rpID,
      challenge: bytes,
      // After a password, the passkey is the second factor: presence is enough, as for a security key.
      userVerification: 'preferred',
      allowCredentials: enrolled.passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    });
    passkey = { challengeId: id, options };
  }
  return { totp: Boolean(enrolled.totpSecret) && totpCounts(policy, { passkey: hasPasskey }), recoveryCode: enrolled.recoveryCodes > 0, passkey };
}

export async function proveSecondFactor(
  db: Db,
  input: { userId: string; enrolled: Enrolled; policy: SecondFactorPolicy; proof: SecondFactorProof; now: Date },
): Promise<{ ok: true; method: SecondFactorMethod } | { ok: false; failure: SecondFactorFailure }> {
  const { userId, enrolled, proof, now } = input;
  if (proof.passkey) {
    const response = parseAssertion(proof.passkey);
    const challenge = response && proof.challengeId ? await takeChallenge(db, { id: proof.challengeId, purpose: 'SECOND_FACTOR', userId, now }) : null;
    if (!response || !challenge) return { ok: false, failure: 'passkey' };
    const outcome = await verifyPasskeyAssertion(db, { response, challenge, userId, requireUserVerification: false, now });
    if (outcome.ok) return { ok: true, method: 'passkey' };
    return { ok: false, failure: outcome.reason === 'unknown_credential' ? 'passkey_unknown' : outcome.reason === 'counter' ? 'passkey_counter' : 'passkey' };
  }
  if (proof.recoveryCode) {
    return (await redeemRecoveryCode(db, { userId, code: proof.recoveryCode, now })) ? { ok: true, method: 'recovery_code' } : { ok: false, failure: 'recovery_code' };
  }
  if (proof.totp && enrolled.totpSecret) {
    if (!totpCounts(input.policy, { passkey: enrolled.passkeys.length > 0 })) return { ok: false, failure: 'totp_not_allowed' };
    const outcome = await redeemTotpCode(db, { userId, sealed: enrolled.totpSecret, code: proof.totp, now });
    return outcome === 'accepted' ? { ok: true, method: 'totp' } : { ok: false, failure: outcome === 'used' ? 'totp_replayed' : 'totp' };
  }
  return { ok: false, failure: 'totp' };
}
