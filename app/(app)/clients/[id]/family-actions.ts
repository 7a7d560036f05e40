'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { linkFamilyMember } from '@/lib/server/family/link-family-member';
import { setFamilyLinkVisibility } from '@/lib/server/family/set-family-link-visibility';
import { unlinkFamilyMember } from '@/lib/server/family/unlink-family-member';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;
type Operation = (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<unknown>;

// Both people's pages show the link, so both are refreshed.
async function run(operation: Operation, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/clients/[id]', 'page');
  return result;
}

export async function linkFamilyMemberAction(_prev: State, form: FormData): Promise<State> {
  return run(linkFamilyMember, form);
}
export async function familyLinkVisibilityAction(_prev: State, form: FormData): Promise<State> {
  return run(setFamilyLinkVisibility, form);
}
export async function unlinkFamilyMemberAction(_prev: State, form: FormData): Promise<State> {
  return run(unlinkFamilyMember, form);
}
