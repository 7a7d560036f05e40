import type { Actor } from '@/lib/auth/actor';
import { assertRecentSignIn } from '@/lib/auth/recent-sign-in';
import { issueRecoveryCodes } from '@/lib/auth/recovery-codes';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';

/** A fresh set of ten recovery codes, shown once; the old ones stop working. Only with a second factor set up. */
export async function regenerateRecoveryCodes({ actor, context, now = new Date() }: { actor: Actor; context: RequestContext; now?: Date }) {
  const db = getDb();
  const staff = await assertRecentSignIn(db, actor, now);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: staff.userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
    if (!user.totpEnabledAt && user._count.passkeys === 0) throw new AppError('CONFLICT', { message: 'no second factor', userMessage: 'security.recoveryNeedsFactor' });
    return { recoveryCodes: await issueRecoveryCodes(tx, staff, context) };
  });
}
