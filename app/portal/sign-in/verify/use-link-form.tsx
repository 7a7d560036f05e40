'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { redeemLink, type MagicLinkState } from '../actions';

export function UseLinkForm({ token }: { token: string }) {
  const t = useTranslations('portalSignIn');
  const [state, action] = useActionState<MagicLinkState, FormData>(redeemLink, {});
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
