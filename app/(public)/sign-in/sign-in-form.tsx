'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { signInWithPassword, type SignInState } from './actions';

export function SignInForm() {
  const t = useTranslations('signIn');
  const [state, action] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const secondStep = state.error === 'totp_required' || state.error === 'totp_invalid';
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && state.error !== 'totp_required' ? <FormMessage tone="error">{t(`errors.${state.error}`)}</FormMessage> : null}
      {secondStep ? (
        <>
          <input type="hidden" name="email" value={state.email} />
          <input type="hidden" name="password" value={state.password} />
          <p className="text-sm text-slate-700">{t('totpIntro')}</p>
          <Field label={t('totp')} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]*" maxLength={6} required autoFocus />
        </>
      ) : (
        <>
          <Field label={t('email')} name="email" type="email" autoComplete="username" defaultValue={state.email} required />
          <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
        </>
      )}
      <SubmitButton className="w-full">{secondStep ? t('verify') : t('submit')}</SubmitButton>
    </form>
  );
}
