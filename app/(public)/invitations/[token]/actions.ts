'use server';

import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { acceptInvitation } from '@/lib/server/member/accept-invitation';
import { requestContext } from '@/lib/server/request-context';

export async function accept(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const input = Object.fromEntries(form);
  const result = await toActionResult(async () => acceptInvitation({ input, context: await requestContext() }));
  if (!result.ok) return result;
  // Straight in after accepting, unless two-factor is on for this account: then the sign-in page asks for it.
  await signIn('password', { email: result.data.email, password: String(input.password), redirectTo: '/dashboard' }).catch((error: unknown) => {
    if (error instanceof Error && 'digest' in error) throw error;
  });
  redirect('/sign-in');
}
