'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';

export type SignInState = { error?: 'invalid' | 'totp_required' | 'totp_invalid' | 'rate_limited'; email?: string; password?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  try {
    await signIn('password', { email, password, totp: String(form.get('totp') ?? ''), redirectTo: '/dashboard' });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code as SignInState['error'];
      // The password is kept only for the second step (the code), never after a refusal.
      return code === 'totp_required' || code === 'totp_invalid' ? { error: code, email, password } : { error: code ?? 'invalid', email };
    }
    if (error instanceof AuthError) return { error: 'invalid', email };
    throw error;
  }
}
