'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/auth/current-actor';
import type { ActionResult } from '@/lib/errors';
import { deletePasskey } from '@/lib/server/account/delete-passkey';
import { disableTotp } from '@/lib/server/account/disable-totp';
import { regenerateRecoveryCodes } from '@/lib/server/account/regenerate-recovery-codes';
import { registerPasskey } from '@/lib/server/account/register-passkey';
import { renamePasskey } from '@/lib/server/account/rename-passkey';
import { startPasskeyRegistration } from '@/lib/server/account/start-passkey-registration';
import { confirmTotpEnrolment } from '@/lib/server/account/totp-enrolment';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';

// New recovery codes are shown once, by the form that asked for them: those actions do not re-render the page
// (which would replace the form); the form refreshes it once the person has saved the codes.

export async function confirmTotpAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireStaff();
  const result = await toActionResult(async () => confirmTotpEnrolment({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok && !result.data.recoveryCodes) revalidatePath('/', 'layout');
  return result;
}

export async function startPasskeyRegistrationAction() {
  const actor = await requireStaff();
  return toActionResult(() => startPasskeyRegistration({ actor }));
}

export async function registerPasskeyAction(input: { challengeId: string; name: string; response: string }) {
  const actor = await requireStaff();
  const result = await toActionResult(async () => registerPasskey({ actor, input, context: await requestContext() }));
  if (result.ok && !result.data.recoveryCodes) revalidatePath('/', 'layout');
  return result;
}

export async function renamePasskeyAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireStaff();
  const result = await toActionResult(async () => renamePasskey({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/account/security');
  return result;
}

export async function deletePasskeyAction(_prev: ActionResult<unknown> | null, form: FormData) {
  const actor = await requireStaff();
  const result = await toActionResult(async () => deletePasskey({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function regenerateRecoveryCodesAction(_prev: ActionResult<{ recoveryCodes: string[] }> | null) {
  const actor = await requireStaff();
  return toActionResult(async () => regenerateRecoveryCodes({ actor, context: await requestContext() }));
}

export async function disableTotpAction(_prev: ActionResult<unknown> | null): Promise<ActionResult<unknown>> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => disableTotp({ actor, context: await requestContext() }));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
