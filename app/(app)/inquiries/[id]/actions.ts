'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { checkInquiryConflicts } from '@/lib/server/inquiry/check-inquiry-conflicts';
import { convertInquiry } from '@/lib/server/inquiry/convert-inquiry';
import { updateInquiryStatus } from '@/lib/server/inquiry/update-inquiry-status';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;
type Operation = (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<unknown>;

// The inquiry's page and the list show what changed.
async function run(operation: Operation, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) {
    revalidatePath(`/inquiries/${String(form.get('inquiryId'))}`);
    revalidatePath('/inquiries');
  }
  return result;
}

export async function updateInquiryStatusAction(_prev: State, form: FormData): Promise<State> {
  return run(updateInquiryStatus, form);
}

export async function checkConflictsAction(_prev: State, form: FormData): Promise<State> {
  return run(checkInquiryConflicts, form);
}

export type ConvertState = ActionResult<{ clientId: string; fileNumber: string; caseId: string | null }> | null;

export async function convertInquiryAction(_prev: ConvertState, form: FormData): Promise<ConvertState> {
  return (await run((args) => convertInquiry(args), form)) as ConvertState;
}
