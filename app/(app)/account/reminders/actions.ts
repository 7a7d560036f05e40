'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { updateFirmLeadTimes } from '@/lib/server/reminder/update-firm-lead-times';
import { updateReminderPreferences } from '@/lib/server/reminder/update-reminder-preferences';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;

export async function reminderPreferencesAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => updateReminderPreferences({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/account/reminders');
  return result;
}

export async function firmLeadTimesAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => updateFirmLeadTimes({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/account/reminders');
  return result;
}
