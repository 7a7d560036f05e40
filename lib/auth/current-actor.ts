import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor, ClientActor, StaffActor } from './actor';
import { auth } from './auth';
import { rememberFirmContext } from '@/lib/server/firm/get-firm-context';
import { resolveSessionWithContext } from './sessions';

// The one way pages and actions learn who is acting. Cached per request, so a page and its components
// share one lookup.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  const resolved = await resolveSessionWithContext(session.sid);
  if (!resolved) return null;
  // The same query read the firm and the person: the shell's getFirmContext needs no second round trip.
  rememberFirmContext(resolved.actor, resolved.context);
  return resolved.actor;
});

export async function requireStaff(): Promise<StaffActor> {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') redirect('/sign-in');
  return actor;
}

export async function requireClient(): Promise<ClientActor> {
  const actor = await currentActor();
  if (actor?.kind !== 'client') redirect('/portal/sign-in');
  return actor;
}
