import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';

// The layout and the page both ask for this on every request; React's per-request cache, keyed by the actor
// object (itself cached per request in current-actor.ts), turns the two lookups into one.
const loadFirmContext = cache(async (actor: Actor) => {
  const db = getDb();
  const [firm, user] = await Promise.all([
    db.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { id: true, name: true, requireTwoFactor: true, requireDeadlineConfirmation: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, totpEnabledAt: true, locale: true } }),
  ]);
  return { firm, user, mustEnrollTotp: actor.kind === 'staff' && firm.requireTwoFactor && !user.totpEnabledAt };
});

/** What the app shell shows: the firm, the person, and whether they must still set up two-factor. */
export function getFirmContext({ actor }: { actor: Actor }) {
  return loadFirmContext(actor);
}
