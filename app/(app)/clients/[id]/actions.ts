'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { inviteClientToPortal } from '@/lib/server/client/invite-client-to-portal';
import { requestContext } from '@/lib/server/request-context';

export async function invitePortalAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireStaff();
  const clientId = String(form.get('clientId') ?? '');
  const result = await toActionResult(async () => inviteClientToPortal({ actor, input: { clientId }, context: await requestContext() }));
  if (result.ok) revalidatePath(`/clients/${clientId}`);
  return result;
}
