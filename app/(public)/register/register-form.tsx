'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { registerFirm } from './actions';

export function RegisterForm() {
  const t = useTranslations('register');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(registerFirm, null);
  const fieldError = (name: string) => {
    const message = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
    return message ? (message === 'password_too_short' ? t('passwordTooShort') : t('invalidField')) : null;
  };
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && !state.ok ? <FormMessage tone="error">{state.userMessage.startsWith('register.') ? t(state.userMessage.slice(9)) : te(state.code)}</FormMessage> : null}
      <Field label={t('firmName')} name="firmName" autoComplete="organization" required error={fieldError('firmName')} />
      <Field label={t('name')} name="name" autoComplete="name" required error={fieldError('name')} />
      <Field label={t('email')} name="email" type="email" autoComplete="email" required error={fieldError('email')} />
      <Field label={t('password')} name="password" type="password" autoComplete="new-password" required minLength={12} hint={t('passwordHint')} error={fieldError('password')} />
      <SubmitButton className="w-full">{t('submit')}</SubmitButton>
    </form>
  );
}
