'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { setDeadlineConfirmation } from '@/lib/server/firm/set-deadline-confirmation';
import { setSecondFactorPolicy } from '@/lib/server/firm/set-second-factor-policy';
import { changeMemberRole } from '@/lib/server/member/change-member-role';
import { deactivateMember } from '@/lib/server/member/deactivate-member';
import { endMemberSessions } from '@/lib/server/member/end-member-sessions';
import { inviteMember } from '@/lib/server/member/invite-member';
import { requestContext } from '@/lib/server/request-context';

async function run<T>(operation: (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<T>, form: FormData) {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/members');
  return result;
}

export async function inviteAction(_prev: ActionResult<unknown> | null, form: FormData) {
  form.set('locale', await getLocale());
  return run(inviteMember, form);
}
export async function changeRoleAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(changeMemberRole, form);
}
export async function deactivateAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(deactivateMember, form);
}
export async function secondFactorPolicyAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(setSecondFactorPolicy, form);
}
export async function deadlineConfirmationAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(setDeadlineConfirmation, form);
}
export async function endMemberSessionsAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(endMemberSessions, form);
}
