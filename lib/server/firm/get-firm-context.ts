import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';

/** What the app shell shows: the firm, the person, and whether they must still set up two-factor. */
export async function getFirmContext({ actor }: { actor: Actor }) {
  const db = getDb();
  const [firm, user] = await Promise.all([
    db.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { id: true, name: true, requireTwoFactor: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, totpEnabledAt: true, locale: true } }),
  ]);
  return { firm, user, mustEnrollTotp: actor.kind === 'staff' && firm.requireTwoFactor && !user.totpEnabledAt };
}
