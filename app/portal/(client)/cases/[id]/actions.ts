'use server';

import { revalidatePath } from 'next/cache';
import { requireClient } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { sendPortalMessage } from '@/lib/server/portal/send-portal-message';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;

export async function sendMessageAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireClient();
  const caseId = String(form.get('caseId') ?? '');
  const result = await toActionResult(async () => sendPortalMessage({ actor, input: { caseId, body: form.get('body') ?? '' }, context: await requestContext() }));
  if (result.ok) revalidatePath(`/portal/cases/${caseId}`);
  return result;
}
