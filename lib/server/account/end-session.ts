import type { Actor } from '@/lib/auth/actor';
import { revokeSession } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';

/** Signing out revokes the session row too, so a copied cookie stops working. */
export async function endSession({ actor, context }: { actor: Actor; context: RequestContext }): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await getDb().$transaction(async (tx) => {
    await revokeSession(tx, sessionId);
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: actor.kind, userId: actor.userId }, action: 'auth.sign_out', entity: 'session', entityId: sessionId, context });
  });
}
