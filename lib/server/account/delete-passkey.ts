import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { assertRecentSignIn } from '@/lib/auth/recent-sign-in';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

const ZInput = z.object({ passkeyId: z.string().min(1).max(40) });

/** Removes one of the signed-in person's own passkeys: it no longer signs anyone in. Needs a recent sign-in. */
export async function deletePasskey({ actor, input, context, now = new Date() }: { actor: Actor; input: unknown; context: RequestContext; now?: Date }) {
  const db = getDb();
  const staff = await assertRecentSignIn(db, actor, now);
  const { passkeyId } = parseInput(ZInput, input);
  return db.$transaction(async (tx) => {
    // Owner and id in the one DELETE: another person's passkey (any firm) matches no row.
    const [removed] = await tx.$queryRaw<{ name: string; deviceType: string }[]>`
      DELETE FROM "Passkey" WHERE "id" = ${passkeyId} AND "userId" = ${staff.userId} RETURNING "name", "deviceType"`;
    if (!removed) throw new AppError('NOT_FOUND', { message: 'no such passkey', userMessage: 'security.passkeyNotFound' });
    await recordAudit(tx, { firmId: staff.firmId, actor: { kind: 'staff', userId: staff.userId }, action: 'auth.passkey_removed', entity: 'member', entityId: staff.userId, before: { passkeyId, ...removed }, context });
    return { removed: true };
  });
}
