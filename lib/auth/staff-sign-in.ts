import { z } from 'zod';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { sharedMetrics } from '@/lib/metrics/shared-metrics.mjs';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { hashPassword, verifyPassword } from './password';
import { checkSignInAllowed, clearSignInFailures, clearTotpAttempts, consumeTotpAttempt, recordSignInFailure } from './rate-limit';
import { enrolledFactors, needsSecondFactor, offerSecondFactor, proveSecondFactor, type SecondFactorFailure, type SecondFactorOffer } from './second-factor';
import { createSession } from './sessions';

// Staff sign-in: password (argon2id), then a second factor when the person set one up (a TOTP code, a passkey or
// a recovery code; second-factor.ts). Every outcome is audited, failures count towards the per-account and per-IP
// limits, and the messages never say whether an email exists.

export type SignInRefusal = 'invalid' | 'second_factor_required' | 'totp_invalid' | 'totp_used' | 'passkey_invalid' | 'recovery_code_invalid' | 'passkey_required' | 'rate_limited';

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds?: number,
    /** With 'second_factor_required' (and a failed second step): what the form may ask for next. */
    readonly secondFactor?: SecondFactorOffer,
  ) {
    super(reason);
  }
}

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const ZStaffSignIn = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
  totp: optionalText(10),
  recoveryCode: optionalText(40),
  // The browser's assertion (JSON) and the id of the challenge it signed, from the first step's offer.
  passkey: optionalText(20_000),
  challengeId: optionalText(40),
});

const REFUSAL_OF: Record<SecondFactorFailure, SignInRefusal> = {
  totp: 'totp_invalid',
  totp_replayed: 'totp_used',
  totp_not_allowed: 'passkey_required',
  passkey: 'passkey_invalid',
  passkey_unknown: 'passkey_invalid',
  passkey_counter: 'passkey_invalid',
  recovery_code: 'recovery_code_invalid',
};

// Comparing against a real hash when the account does not exist keeps the response time the same.
let decoyHash: Promise<string> | undefined;

export async function staffSignIn(raw: unknown, context: RequestContext, now = new Date()): Promise<{ sessionId: string; userId: string }> {
  const parsed = ZStaffSignIn.safeParse(raw);
  if (!parsed.success) throw new SignInRefused('invalid');
  const { email, password, ...proof } = parsed.data;
  const db = getDb();

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { where: { deactivatedAt: null }, orderBy: { createdAt: 'asc' }, take: 1, include: { firm: true } } },
  });
  const membership = user?.memberships[0];

  try {
    await checkSignInAllowed({ email, ip: context.ip });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
    // Filed under the account's firm, so its admins see brute force against their people; the answer to the
    // caller is the same either way.
    await db.$transaction((tx) =>
      recordAudit(tx, { firmId: membership?.firmId ?? null, actor: { kind: 'anonymous' }, action: 'auth.sign_in_throttled', entity: 'session', entityId: user?.id, after: { email }, context }),
    );
    sharedMetrics().signInFailures.inc({ reason: 'throttled' });
    throw new SignInRefused('rate_limited', Number(error.details?.retryAfterSeconds ?? 900));
  }
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await (decoyHash ??= hashPassword('decoy')), password);

  const fail = async (reason: 'password' | SecondFactorFailure) => {
    sharedMetrics().signInFailures.inc({ reason: reason === 'password' ? 'password' : reason.startsWith('totp') ? 'totp' : 'second_factor' });
    await recordSignInFailure({ email, ip: context.ip });
    await db.$transaction((tx) =>
      recordAudit(tx, {
        firmId: membership?.firmId ?? null,
        actor: { kind: 'anonymous' },
        action: 'auth.sign_in_failed',
        entity: 'session',
        entityId: user?.id,
        after: { email, reason },
        context,
      }),
    );
  };

  if (!user || !passwordOk || !membership) {
    await fail('password');
    throw new SignInRefused('invalid');
  }
  const enrolled = await enrolledFactors(db, user);
  const policy = membership.firm.secondFactorPolicy;
  let method = 'password';
  if (needsSecondFactor(enrolled)) {
    if (!proof.totp && !proof.recoveryCode && !proof.passkey) throw new SignInRefused('second_factor_required', undefined, await offerSecondFactor(db, user.id, enrolled, policy));
    try {
      await consumeTotpAttempt(user.id);
    } catch (error) {
      if (isAppError(error) && error.code === 'RATE_LIMITED') {
        sharedMetrics().signInFailures.inc({ reason: 'throttled' });
        throw new SignInRefused('rate_limited', Number(error.details?.retryAfterSeconds ?? 900));
      }
      throw error;
    }
    const outcome = await proveSecondFactor(db, { userId: user.id, enrolled, policy, proof, now });
    if (!outcome.ok) {
      await fail(outcome.failure);
      // A fresh offer (a passkey challenge is used up by the attempt), so the person can try again.
      throw new SignInRefused(REFUSAL_OF[outcome.failure], undefined, await offerSecondFactor(db, user.id, await enrolledFactors(db, user), policy));
    }
    method = `password+${outcome.method}`;
    await clearTotpAttempts(user.id);
  }

  await clearSignInFailures({ email });
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createSession(tx, { userId: user.id, firmId: membership.firmId, kind: 'STAFF', ...context });
    await recordAudit(tx, {
      firmId: membership.firmId,
      actor: { kind: 'staff', userId: user.id },
      action: 'auth.sign_in',
      entity: 'session',
      entityId: id,
      after: { method },
      context,
    });
    return id;
  });
  return { sessionId, userId: user.id };
}
