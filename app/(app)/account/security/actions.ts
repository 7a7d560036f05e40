'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { confirmTotpEnrolment } from '@/lib/server/account/totp-enrolment';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';

export async function confirmTotpAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireStaff();
  const result = await toActionResult(async () => confirmTotpEnrolment({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
