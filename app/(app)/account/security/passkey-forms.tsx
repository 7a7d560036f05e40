'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useActionState, useState, useTransition } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { deletePasskeyAction, registerPasskeyAction, renamePasskeyAction, startPasskeyRegistrationAction } from './actions';
import { RecoveryCodesPanel } from './recovery-codes';

/** Names a new passkey, lets the browser make it, and sends it to be verified and kept. */
export function AddPasskeyForm() {
  const t = useTranslations('security');
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();

  function add(form: FormData) {
    const name = String(form.get('name') ?? '').trim();
    setError(null);
    if (!name) return setError(t('passkeyNameRequired'));
    startTransition(async () => {
      const started = await startPasskeyRegistrationAction();
      if (!started.ok) return setError(started.message ?? t('actionFailed'));
      let response: string;
      try {
        response = JSON.stringify(await startRegistration({ optionsJSON: started.data.options }));
      } catch {
        return setError(t('passkeyCancelled'));
      }
      const saved = await registerPasskeyAction({ challengeId: started.data.challengeId, name, response });
      if (!saved.ok) return setError(saved.message ?? t('passkeyNotSaved'));
      if (saved.data.recoveryCodes) setCodes(saved.data.recoveryCodes);
    });
  }

  if (codes) return <RecoveryCodesPanel codes={codes} />;
  return (
    <form action={add} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label={t('passkeyName')} name="name" maxLength={60} placeholder={t('passkeyNamePlaceholder')} error={error} />
      <button type="submit" disabled={pending} aria-busy={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {t('passkeyAdd')}
      </button>
    </form>
  );
}

type State = ActionResult<unknown> | null;

export function RenamePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations('security');
  const [state, action] = useActionState<State, FormData>(renamePasskeyAction, null);
  return (
    <form action={action} className="flex items-end gap-2">
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <Field label={t('passkeyRenameLabel', { name })} name="name" id={`rename-${passkeyId}`} defaultValue={name} maxLength={60} error={state && !state.ok ? (state.message ?? t('actionFailed')) : null} />
      <SubmitButton className="text-sm">{t('passkeyRename')}</SubmitButton>
    </form>
  );
}

export function DeletePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations('security');
  const [state, action] = useActionState<State, FormData>(deletePasskeyAction, null);
  return (
    <form action={action} onSubmit={(event) => (window.confirm(t('passkeyConfirmDelete', { name })) ? undefined : event.preventDefault())}>
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <button type="submit" className="rounded-md border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50">
        {t('passkeyDelete')}
        <span className="sr-only"> {name}</span>
      </button>
      {state && !state.ok ? <FormMessage tone="error">{state.message ?? t('actionFailed')}</FormMessage> : null}
    </form>
  );
}
