'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { createFeedAction, revokeFeedAction, type FeedState } from './actions';

function CopyField({ url }: { url: string }) {
  const t = useTranslations('calendar');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-slate-800">
        {t('urlLabel')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="calendar-feed-url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
          {t('copy')}
        </button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : null}
      </p>
    </div>
  );
}

/** Create, regenerate and stop the feed. The new URL is shown from the action's answer, once, with a copy button. */
export function CalendarFeedForms({ active }: { active: boolean }) {
  const t = useTranslations('calendar');
  const te = useTranslations('errors');
  const [created, createAction] = useActionState<FeedState>(createFeedAction, null);
  const [revoked, revokeAction] = useActionState<FeedState>(revokeFeedAction, null);
  // Once the feed is stopped the page says so, and the dead URL must not stay on screen.
  const url = active && created?.ok && 'url' in created.data ? created.data.url : null;
  const failure = [created, revoked].find((state) => state && !state.ok);
  const confirm = (message: string) => (event: React.FormEvent) => {
    if (!window.confirm(message)) event.preventDefault();
  };
  return (
    <div className="space-y-4">
      {failure && !failure.ok ? <FormMessage tone="error">{te(failure.code)}</FormMessage> : null}
      {url ? (
        <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p className="text-sm text-emerald-900">{t('created')}</p>
          <CopyField url={url} />
          <p className="text-sm text-slate-700">{t('secretWarning')}</p>
        </div>
      ) : null}
      {revoked?.ok && !active ? <FormMessage tone="success">{t('revoked')}</FormMessage> : null}
      {url ? null : <p className="text-sm text-slate-700">{active ? t('active') : t('inactive')}</p>}
      <div className="flex flex-wrap items-start gap-3">
        <form action={createAction} onSubmit={active ? confirm(t('confirmRegenerate')) : undefined}>
          <SubmitButton>{active ? t('regenerate') : t('create')}</SubmitButton>
        </form>
        {active ? (
          <form action={revokeAction} onSubmit={confirm(t('confirmRevoke'))}>
            <button type="submit" className="rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50">
              {t('revoke')}
            </button>
          </form>
        ) : null}
      </div>
      {active ? <p className="text-sm text-slate-600">{t('regenerateHint')}</p> : null}
    </div>
  );
}
