'use server';

import { signOut } from '@/lib/auth/auth';
import { currentActor } from '@/lib/auth/current-actor';
import { endSession } from '@/lib/server/account/end-session';
import { requestContext } from '@/lib/server/request-context';

export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) await endSession({ actor, context: await requestContext() });
  await signOut({ redirectTo: actor?.kind === 'client' ? '/portal/sign-in' : '/sign-in' });
}
