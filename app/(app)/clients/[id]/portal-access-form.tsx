'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { invitePortalAction } from './actions';

export function PortalAccessForm({ clientId, hasAccess }: { clientId: string; hasAccess: boolean }) {
  const t = useTranslations('clients');
  const tp = useTranslations('portalAccess');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(invitePortalAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      {state?.ok ? <FormMessage tone="success">{t('portalInvited')}</FormMessage> : null}
      {state && !state.ok ? <FormMessage tone="error">{state.userMessage.startsWith('portalAccess.') ? tp(state.userMessage.slice(13)) : te(state.code)}</FormMessage> : null}
      <SubmitButton className="text-sm">{hasAccess ? t('reinvitePortal') : t('invitePortal')}</SubmitButton>
    </form>
  );
}
