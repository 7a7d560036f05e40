'use server';

import { revalidatePath } from 'next/cache';
import { requireClient } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { endMySession } from '@/lib/server/account/end-my-session';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';

/** A client ends one of their own portal sessions (a phone lent to a relative, a shared computer). */
export async function endPortalSessionAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown> | null> {
  const actor = await requireClient();
  const input = form.get('others') === '1' ? { others: true } : { sessionId: form.get('sessionId') };
  const result = await toActionResult(async () => endMySession({ actor, input, context: await requestContext() }));
  if (result.ok) revalidatePath('/portal/sessions');
  return result;
}
