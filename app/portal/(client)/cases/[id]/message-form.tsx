'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { sendMessageAction } from './actions';

export function MessageForm({ caseId }: { caseId: string }) {
  const t = useTranslations('portalCase.case');
  return (
    <ActionForm action={sendMessageAction} success={t('sent')} fieldMessages="portalCase.fields" className="space-y-3">
      <input type="hidden" name="caseId" value={caseId} />
      <div className="space-y-1">
        <label htmlFor="message-body" className="block font-medium text-slate-900">{t('yourMessage')}</label>
        <p id="message-hint" className="text-sm text-slate-600">{t('messageHint')}</p>
        <textarea
          id="message-body"
          name="body"
          rows={4}
          maxLength={5000}
          aria-describedby="message-hint"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900 shadow-sm"
        />
      </div>
      <button type="submit" className="min-h-12 w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto">
        {t('send')}
      </button>
    </ActionForm>
  );
}
