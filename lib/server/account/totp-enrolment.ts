import { z } from 'zod';
import type { Actor, StaffActor } from '@/lib/auth/actor';
import { issueFirstRecoveryCodes } from '@/lib/auth/recovery-codes';
import { redeemTotpCode } from '@/lib/auth/redeem-totp-code';
import { newTotpSecret, totpManualKey, totpUri } from '@/lib/auth/totp';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

// Enrolment is two steps: a secret is stored (not yet active) and shown as a QR code; it becomes active only
// once the person proves their app produces the right code. Until then sign-in does not ask for a code.

/** The pending secret to show, creating one when the person has none; null once two-factor is on. */
export async function startTotpEnrolment({ actor }: { actor: StaffActor }) {
  assertStaff(actor);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) return null;
  let sealed = user.totpSecret;
  if (!sealed) {
    sealed = newTotpSecret().sealed;
    await db.user.update({ where: { id: actor.userId }, data: { totpSecret: sealed } });
  }
  return { uri: totpUri(sealed, user.email), manualKey: totpManualKey(sealed) };
}

// Portal users sign in by emailed link only; two-factor is for staff accounts.
function assertStaff(actor: Actor): void {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
}

const ZConfirm = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'totp_format') });

/**
 * Turns the pending secret on once a right code is given. That code's step is recorded, so it cannot then serve
 * at sign-in. The first second factor also brings the person's recovery codes, returned once to be shown.
 */
export async function confirmTotpEnrolment({ actor, input, context, now = new Date() }: { actor: StaffActor; input: unknown; context: RequestContext; now?: Date }): Promise<{ enabled: true; recoveryCodes: string[] | null }> {
  assertStaff(actor);
  const { code } = parseInput(ZConfirm, input);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (user.totpEnabledAt) return { enabled: true, recoveryCodes: null };
    if (!user.totpSecret || (await redeemTotpCode(tx, { userId: actor.userId, sealed: user.totpSecret, code, now })) !== 'accepted') {
      throw new AppError('VALIDATION', { message: 'wrong totp code', userMessage: 'security.codeWrong', details: { fieldErrors: { code: ['security.codeWrong'] } } });
    }
    const enabledAt = new Date();
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: enabledAt } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'auth.totp_enabled', entity: 'member', entityId: actor.userId, after: { totpEnabledAt: enabledAt }, context });
    return { enabled: true, recoveryCodes: await issueFirstRecoveryCodes(tx, actor, context) };
  });
}
