'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { eraseClient } from '@/lib/server/client/erase-client';
import { inviteClientToPortal } from '@/lib/server/client/invite-client-to-portal';
import { requestContext } from '@/lib/server/request-context';

export async function invitePortalAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireWorkingStaff();
  const clientId = String(form.get('clientId') ?? '');
  const result = await toActionResult(async () => inviteClientToPortal({ actor, input: { clientId }, context: await requestContext() }));
  if (result.ok) revalidatePath(`/clients/${clientId}`);
  return result;
}

/** The form's clientId and typed file number, checked by the operation's schema (ZEraseClient). */
export async function eraseClientAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown> | null> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => eraseClient({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  // The client's page is gone with them; the list no longer shows them.
  if (result.ok) redirect('/clients?erased=1');
  return result;
}
