'use server';

import { redirect } from 'next/navigation';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { createCase } from '@/lib/server/case/create-case';
import { requestContext } from '@/lib/server/request-context';

export async function createCaseAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => createCase({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) redirect(`/cases/${result.data.id}`);
  return result;
}
