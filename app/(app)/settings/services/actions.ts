'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { archiveService } from '@/lib/server/service/archive-service';
import { createService } from '@/lib/server/service/create-service';
import { serviceInputFromForm } from '@/lib/server/service/service-schemas';
import { updateService } from '@/lib/server/service/update-service';
import { requestContext } from '@/lib/server/request-context';

// Server actions of the service catalogue. The firm is the signed-in member's; a service id is re-checked against
// it by the operation.

type State = ActionResult<unknown> | null;

export async function createServiceAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => createService({ actor, input: serviceInputFromForm(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/services');
  return result;
}

export async function updateServiceAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => updateService({ actor, input: serviceInputFromForm(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/services');
  return result;
}

export async function archiveServiceAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => archiveService({ actor, input: { serviceId: form.get('serviceId') }, context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/services');
  return result;
}
