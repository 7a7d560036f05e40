'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { askForMagicLink, type MagicLinkState } from './actions';

export function RequestLinkForm() {
  const t = useTranslations('portalSignIn');
  const [state, action] = useActionState<MagicLinkState, FormData>(askForMagicLink, {});
  if (state.sent) return <FormMessage tone="success">{t('sent')}</FormMessage>;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <FormMessage tone="error">{t(`errors.${state.error}`)}</FormMessage> : null}
      <Field label={t('email')} name="email" type="email" autoComplete="email" required />
      <SubmitButton className="w-full">{t('submit')}</SubmitButton>
    </form>
  );
}
