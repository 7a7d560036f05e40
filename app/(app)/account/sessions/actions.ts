'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { changePassword } from '@/lib/server/account/change-password';
import { endMySession } from '@/lib/server/account/end-my-session';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';

// Self-service: a member who still has to set up two-factor may end sessions and change the password too, so
// these use requireStaff rather than requireWorkingStaff. The operations act on the signed-in person's rows only.

type State = ActionResult<unknown> | null;

export async function endSessionAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireStaff();
  const input = form.get('others') === '1' ? { others: true } : { sessionId: form.get('sessionId') };
  const result = await toActionResult(async () => endMySession({ actor, input, context: await requestContext() }));
  if (result.ok) revalidatePath('/account/sessions');
  return result;
}

export async function changePasswordAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => changePassword({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/account/sessions');
  return result;
}
