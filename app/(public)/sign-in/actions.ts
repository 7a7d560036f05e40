'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { Refused, signIn } from '@/lib/auth/auth';
import { PASSKEY_CHALLENGE_COOKIE, startPasskeySignIn } from '@/lib/auth/passkey-sign-in';
import type { SignInRefusal } from '@/lib/auth/staff-sign-in';
import type { SecondFactorOffer } from '@/lib/auth/second-factor';
import { env } from '@/lib/env';

export type SignInState = { error?: SignInRefusal; email?: string; password?: string; secondFactor?: SecondFactorOffer };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const field = (name: string) => String(form.get(name) ?? '');
  try {
    await signIn('password', { email, password, totp: field('totp'), recoveryCode: field('recoveryCode'), passkey: field('passkey'), challengeId: field('challengeId'), redirectTo: '/dashboard' });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code as SignInRefusal;
      // The password is kept only for the second step, never after the password itself was refused.
      const secondFactor = error instanceof Refused ? error.secondFactor : undefined;
      return secondFactor ? { error: code, email, password, secondFactor } : { error: code ?? 'invalid', email };
    }
    if (error instanceof AuthError) return { error: 'invalid', email };
    throw error;
  }
}

/** The options for the browser's passkey prompt; the challenge's id stays in an httpOnly cookie. */
export async function startPasskeySignInAction() {
  const { challengeId, options } = await startPasskeySignIn();
  (await cookies()).set(PASSKEY_CHALLENGE_COOKIE, challengeId, { httpOnly: true, sameSite: 'strict', secure: env().APP_URL.startsWith('https:'), path: '/', maxAge: 5 * 60 });
  return options;
}

export async function signInWithPasskey(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn('passkey', { response: String(form.get('response') ?? ''), redirectTo: '/dashboard' });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: (error.code as SignInRefusal) ?? 'passkey_invalid' };
    if (error instanceof AuthError) return { error: 'passkey_invalid' };
    throw error;
  } finally {
    // Used or not, the challenge is gone from the database; the cookie goes with it.
    (await cookies()).delete(PASSKEY_CHALLENGE_COOKIE);
  }
}
