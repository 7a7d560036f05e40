'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { signInWithPassword, signInWithPasskey, startPasskeySignInAction, type SignInState } from './actions';

const buttonClass = 'w-full rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60';

export function SignInForm() {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const [passkeyState, passkeyAction, passkeyPending] = useActionState<SignInState, FormData>(signInWithPasskey, {});
  const [cancelled, setCancelled] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const offer = state.secondFactor;
  const error = cancelled ? 'passkey_cancelled' : (passkeyState.error ?? (state.error !== 'second_factor_required' ? state.error : undefined));

  /** The browser's passkey prompt; a dismissed prompt is the person's choice, not an error of ours. */
  async function assert(options: Parameters<typeof startAuthentication>[0]['optionsJSON']) {
    setCancelled(false);
    try {
      return JSON.stringify(await startAuthentication({ optionsJSON: options }));
    } catch {
      setCancelled(true);
      return null;
    }
  }

  async function passkeyOnly() {
    const response = await assert(await startPasskeySignInAction());
    if (!response) return;
    const form = new FormData();
    form.set('response', response);
    startTransition(() => passkeyAction(form));
  }

  async function passkeyAfterPassword() {
    if (!offer?.passkey) return;
    const response = await assert(offer.passkey.options);
    if (!response) return;
    const form = new FormData();
    form.set('email', state.email ?? '');
    form.set('password', state.password ?? '');
    form.set('passkey', response);
    form.set('challengeId', offer.passkey.challengeId);
    startTransition(() => action(form));
  }

  return (
    <div className="space-y-4">
      {error ? <FormMessage tone="error">{t(`errors.${error}`)}</FormMessage> : null}
      {offer ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t('secondFactorIntro')}</p>
          {offer.passkey ? (
            <button type="button" className={buttonClass} disabled={pending} onClick={() => void passkeyAfterPassword()}>
              {t('usePasskey')}
            </button>
          ) : null}
          {(offer.totp && !useRecovery) || (offer.recoveryCode && useRecovery) ? (
            <form action={action} className="space-y-4" noValidate>
              <input type="hidden" name="email" value={state.email} />
              <input type="hidden" name="password" value={state.password} />
              {useRecovery ? (
                <Field label={t('recoveryCode')} name="recoveryCode" autoComplete="off" maxLength={40} required autoFocus />
              ) : (
                <Field label={t('totp')} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]*" maxLength={6} required autoFocus />
              )}
              <SubmitButton className="w-full">{t('verify')}</SubmitButton>
            </form>
          ) : null}
          {offer.recoveryCode ? (
            <button type="button" className="text-sm text-brand-700 underline" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? (offer.totp ? t('useTotp') : t('usePasskeyInstead')) : t('useRecoveryCode')}
            </button>
          ) : null}
        </div>
      ) : (
        <>
          <form action={action} className="space-y-4" noValidate>
            <Field label={t('email')} name="email" type="email" autoComplete="username webauthn" defaultValue={state.email} required />
            <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
            <SubmitButton className="w-full">{t('submit')}</SubmitButton>
          </form>
          <button type="button" className={buttonClass} disabled={passkeyPending} onClick={() => void passkeyOnly()}>
            {t('passkeyButton')}
          </button>
        </>
      )}
    </div>
  );
}
