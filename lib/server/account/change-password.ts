import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkSignInAllowed, recordSignInFailure } from '@/lib/auth/rate-limit';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, 'currentRequired').max(1000),
    newPassword: z.string().min(12, 'password_too_short').max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'unchanged' });

/**
 * A new password for the signed-in member. It needs the current one, so a session left open on a shared
 * computer cannot take the account over, and wrong guesses count towards the same limit as sign-in. Every
 * other session of the person ends with it: whoever knew the old password is signed out everywhere.
 */
export async function changePassword({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }): Promise<{ sessionsEnded: number }> {
  const data = parseInput(ZChangePassword, input);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  await checkSignInAllowed({ email: user.email, ip: context.ip });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await recordSignInFailure({ email: user.email, ip: context.ip });
    throw new AppError('VALIDATION', { message: 'wrong current password', details: { fieldErrors: { currentPassword: ['wrongPassword'] } } });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'auth.password_changed', entity: 'member', entityId: actor.userId, after: { otherSessionsEnded: count }, context });
    return { sessionsEnded: count };
  });
}
