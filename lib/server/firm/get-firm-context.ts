import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { mustSetUpSecondFactor } from '@/lib/auth/second-factor-policy';
import type { SessionFirmContext } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';

// The shell's firm and person, read with the session itself (current-actor.ts) on every request. Actors are
// made per request, so a weak map keyed by the actor object holds each request's context only as long as the
// request does. Anything else (scripts, tests, an actor built by hand) reads it here, once per request.
const remembered = new WeakMap<Actor, SessionFirmContext>();

export function rememberFirmContext(actor: Actor, context: SessionFirmContext): void {
  remembered.set(actor, context);
}

const loadFirmContext = cache(async (actor: Actor): Promise<SessionFirmContext> => {
  const known = remembered.get(actor);
  if (known) return known;
  const db = getDb();
  const [firm, { _count, ...user }] = await Promise.all([
    db.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { id: true, name: true, secondFactorPolicy: true, requireDeadlineConfirmation: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, totpEnabledAt: true, locale: true, _count: { select: { passkeys: true } } } }),
  ]);
  return { firm, user: { ...user, hasPasskey: _count.passkeys > 0 } };
});

/** What the app shell shows: the firm, the person, and whether they must still set up what the firm's policy asks. */
export async function getFirmContext({ actor }: { actor: Actor }) {
  const { firm, user } = await loadFirmContext(actor);
  const mustSetUp = actor.kind === 'staff' && mustSetUpSecondFactor(firm.secondFactorPolicy, { totp: Boolean(user.totpEnabledAt), passkey: user.hasPasskey });
  return { firm, user, mustEnrollSecondFactor: mustSetUp };
}
