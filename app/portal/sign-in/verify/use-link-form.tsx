'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { redeemLink, type MagicLinkState } from '../actions';
import { SIGNED_IN_LANDING } from './landing';

export function UseLinkForm({ token }: { token: string }) {
  const t = useTranslations('portalSignIn');
  const tc = useTranslations('portalCase.signIn');
  const [state, action] = useActionState<MagicLinkState, FormData>(redeemLink, {});
  // A real page load, not a client-side navigation, so the landing route's language cookie reaches the browser;
  // replace() keeps the used link out of the history.
  useEffect(() => {
    if (state.signedIn) window.location.replace(SIGNED_IN_LANDING);
  }, [state.signedIn]);
  if (state.signedIn) {
    return (
      <FormMessage tone="info">
        <a href={SIGNED_IN_LANDING} className="underline">{tc('continue')}</a>
      </FormMessage>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state.error ? (
        <FormMessage tone="error">
          {t('errors.link_invalid')}{' '}
          <Link href="/portal/sign-in" className="underline">
            {t('askAgain')}
          </Link>
        </FormMessage>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full">{t('continue')}</SubmitButton>
    </form>
  );
}
