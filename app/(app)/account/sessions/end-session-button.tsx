'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import { endSessionAction } from './actions';

/** One session's "End" button, or with `others` the button that ends every session but this one. */
export function EndSessionButton({ sessionId, others = false, device }: { sessionId?: string; others?: boolean; device?: string }) {
  const t = useTranslations('sessions');
  return (
    <ActionForm action={endSessionAction}>
      {others ? <input type="hidden" name="others" value="1" /> : <input type="hidden" name="sessionId" value={sessionId} />}
      <SubmitButton className="px-3! py-1! text-sm">
        {others ? t('endOthers') : t('end')}
        {device ? <span className="sr-only">: {device}</span> : null}
      </SubmitButton>
    </ActionForm>
  );
}
