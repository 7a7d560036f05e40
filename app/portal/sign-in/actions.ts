'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { requestMagicLink } from '@/lib/auth/magic-link';
import { isAppError } from '@/lib/errors';
import { requestContext } from '@/lib/server/request-context';

export type MagicLinkState = { sent?: boolean; signedIn?: boolean; error?: 'rate_limited' | 'invalid_email' | 'link_invalid' };

export async function askForMagicLink(_prev: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const email = String(form.get('email') ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: 'invalid_email' };
  try {
    await requestMagicLink({ email }, await requestContext());
  } catch (error) {
    if (isAppError(error) && error.code === 'RATE_LIMITED') return { error: 'rate_limited' };
    throw error;
  }
  // The same answer whether or not the address belongs to a client.
  return { sent: true };
}

export async function redeemLink(_prev: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  try {
    // No redirect from here: Next would render the landing route inside this action's response, and the language
    // cookie that route sets would be lost. The form navigates there itself, as a real page load.
    await signIn('magic-link', { token: String(form.get('token') ?? ''), redirect: false });
    return { signedIn: true };
  } catch (error) {
    if (error instanceof AuthError) return { error: 'link_invalid' };
    throw error;
  }
}
