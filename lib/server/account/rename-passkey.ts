import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZPasskeyName } from './passkey-name';

const ZInput = z.object({ passkeyId: z.string().min(1).max(40), name: ZPasskeyName });

/** Renames one of the signed-in person's own passkeys; anyone else's is not found. */
export async function renamePasskey({ actor, input, context }: { actor: Actor; input: unknown; context: RequestContext }) {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const { passkeyId, name } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.passkey.findFirst({ where: { id: passkeyId, userId: actor.userId }, select: { name: true } });
    if (!before) throw new AppError('NOT_FOUND', { message: 'no such passkey', userMessage: 'security.passkeyNotFound' });
    // Scoped by owner in the write itself as well, so the row read above is the row changed.
    await tx.passkey.updateMany({ where: { id: passkeyId, userId: actor.userId }, data: { name } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'auth.passkey_renamed', entity: 'member', entityId: actor.userId, before: { passkeyId, ...before }, after: { passkeyId, name }, context });
    return { name };
  });
}
