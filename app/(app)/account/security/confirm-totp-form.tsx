'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { confirmTotpAction } from './actions';
import { RecoveryCodesPanel } from './recovery-codes';

export function ConfirmTotpForm() {
  const t = useTranslations('security');
  const [state, action] = useActionState<ActionResult<{ recoveryCodes: string[] | null }> | null, FormData>(confirmTotpAction, null);
  if (state?.ok && state.data.recoveryCodes) return <RecoveryCodesPanel codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label={t('code')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={state && !state.ok ? t('codeWrong') : null} />
      <SubmitButton>{t('confirm')}</SubmitButton>
    </form>
  );
}
