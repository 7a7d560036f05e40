'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { regenerateRecoveryCodesAction } from './actions';

/** New recovery codes, shown this once; the page is refreshed when the person says they have kept them. */
export function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const t = useTranslations('security');
  const router = useRouter();
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-950">{t('recoveryShownOnce')}</p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white" onClick={() => router.refresh()}>
        {t('recoverySaved')}
      </button>
    </div>
  );
}

export function RegenerateRecoveryCodesForm() {
  const t = useTranslations('security');
  const [state, action] = useActionState<ActionResult<{ recoveryCodes: string[] }> | null, FormData>(regenerateRecoveryCodesAction, null);
  if (state?.ok) return <RecoveryCodesPanel codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="space-y-2">
      {state && !state.ok ? <FormMessage tone="error">{state.message ?? t('actionFailed')}</FormMessage> : null}
      <SubmitButton className="text-sm">{t('recoveryRegenerate')}</SubmitButton>
    </form>
  );
}
