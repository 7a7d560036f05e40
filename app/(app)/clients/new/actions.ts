'use server';

import { redirect } from 'next/navigation';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { createClient } from '@/lib/server/client/create-client';
import type { DuplicateCandidate } from '@/lib/server/client/find-duplicate-clients';
import { requestContext } from '@/lib/server/request-context';

export type NewClientState = ActionResult<{ id: string }> | null;
export type { DuplicateCandidate };

export async function createClientAction(_prev: NewClientState, form: FormData): Promise<NewClientState> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => createClient({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) redirect(`/clients/${result.data.id}`);
  // The operation throws CONFLICT with the candidates; the form shows them and asks for confirmation.
  return result;
}
