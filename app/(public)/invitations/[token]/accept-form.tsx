'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { accept } from './actions';

export function AcceptForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const t = useTranslations('invitations');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(accept, null);
  const error = state && !state.ok ? state : null;
  const passwordError = error?.fieldErrors?.password?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      {error && !error.fieldErrors ? <FormMessage tone="error">{error.userMessage.startsWith('invitations.') ? t(error.userMessage.slice(12)) : te(error.code)}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t('email')} name="emailShown" value={email} readOnly />
      <Field label={t('name')} name="name" autoComplete="name" required error={error?.fieldErrors?.name ? t('nameRequired') : null} />
      <Field
        label={hasAccount ? t('currentPassword') : t('choosePassword')}
        name="password"
        type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        required
        hint={hasAccount ? undefined : t('passwordHint')}
        error={passwordError ? (passwordError === 'password_too_short' ? t('passwordTooShort') : t('wrongPassword')) : null}
      />
      <SubmitButton className="w-full">{t('submit')}</SubmitButton>
    </form>
  );
}
