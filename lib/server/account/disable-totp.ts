import type { Actor } from '@/lib/auth/actor';
import { assertRecentSignIn } from '@/lib/auth/recent-sign-in';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';

/**
 * Turns the authenticator app off for the signed-in person: a new phone, or one lost and replaced after signing
 * in with a recovery code. Needs a recent sign-in, like every change to how the account is protected. Where the
 * firm's policy asks for a second factor and no passkey is left, the person is sent to set one up again.
 */
export async function disableTotp({ actor, context, now = new Date() }: { actor: Actor; context: RequestContext; now?: Date }) {
  const db = getDb();
  const staff = await assertRecentSignIn(db, actor, now);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: staff.userId, totpEnabledAt: { not: null } },
      // The last step is kept: a code of the old secret must never count again, even if it were re-enrolled.
      data: { totpSecret: null, totpEnabledAt: null },
    });
    if (count === 0) throw new AppError('NOT_FOUND', { message: 'TOTP is not on', userMessage: 'security.totpNotOn' });
    await recordAudit(tx, { firmId: staff.firmId, actor: { kind: 'staff', userId: staff.userId }, action: 'auth.totp_disabled', entity: 'member', entityId: staff.userId, context });
    return { disabled: true };
  });
}
