'use server';

import { signIn } from '@/lib/auth/auth';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { createFirm } from '@/lib/server/firm/create-firm';
import { requestContext } from '@/lib/server/request-context';

export async function registerFirm(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = Object.fromEntries(form);
  const result = await toActionResult(async () => createFirm({ input, context: await requestContext() }));
  if (!result.ok) return result;
  await signIn('password', { email: String(input.email).trim().toLowerCase(), password: String(input.password), redirectTo: '/dashboard' });
  return result;
}
