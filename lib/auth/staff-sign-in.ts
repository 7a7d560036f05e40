import { z } from 'zod';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { sharedMetrics } from '@/lib/metrics/shared-metrics.mjs';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { hashPassword, verifyPassword } from './password';
import { checkSignInAllowed, clearSignInFailures, clearTotpAttempts, consumeTotpAttempt, recordSignInFailure } from './rate-limit';
import { createSession } from './sessions';
import { verifyTotpCode } from './totp';

// Staff sign-in: password (argon2id), then a TOTP code when the person enrolled one. Every outcome is audited,
// failures count towards the per-account and per-IP limits, and the messages never say whether an email exists.

export type SignInRefusal = 'invalid' | 'totp_required' | 'totp_invalid' | 'rate_limited';

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

export const ZStaffSignIn = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
  totp: z.string().trim().max(10).optional().transform((v) => v || undefined),
});

// Comparing against a real hash when the account does not exist keeps the response time the same.
let decoyHash: Promise<string> | undefined;

export async function staffSignIn(raw: unknown, context: RequestContext): Promise<{ sessionId: string; userId: string }> {
  const parsed = ZStaffSignIn.safeParse(raw);
  if (!parsed.success) throw new SignInRefused('invalid');
  const { email, password, totp } = parsed.data;
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

  const fail = async (reason: 'password' | 'totp') => {
    sharedMetrics().signInFailures.inc({ reason });
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
  if (user.totpEnabledAt && user.totpSecret) {
    if (!totp) throw new SignInRefused('totp_required');
    try {
      await consumeTotpAttempt(user.id);
    } catch (error) {
      if (isAppError(error) && error.code === 'RATE_LIMITED') {
        sharedMetrics().signInFailures.inc({ reason: 'throttled' });
        throw new SignInRefused('rate_limited', Number(error.details?.retryAfterSeconds ?? 900));
      }
      throw error;
    }
    if (!verifyTotpCode(user.totpSecret, totp)) {
      await fail('totp');
      throw new SignInRefused('totp_invalid');
    }
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
      after: { method: user.totpEnabledAt ? 'password+totp' : 'password' },
      context,
    });
    return id;
  });
  return { sessionId, userId: user.id };
}
