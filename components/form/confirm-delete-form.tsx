'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionForm } from './action-form';

type State = ActionResult<unknown> | null;

/**
 * A delete button that asks once before it posts: the first click shows what will go and a confirming button,
 * so a slip of the mouse never removes a note or a client's document. `fields` travel as hidden inputs.
 */
export function ConfirmDeleteForm({ action, fields, name, label, question }: {
  action: (state: State, form: FormData) => Promise<State>;
  fields: Record<string, string>;
  /** what is deleted, as the person sees it (a task's title, a document's name) */
  name: string;
  /** the first button's text, when "Delete" alone would be unclear */
  label?: string;
  /** what to ask, when "Colleagues will no longer see it" is not what happens */
  question?: string;
}) {
  const t = useTranslations('deletion');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="text-sm text-red-800 underline">
        {label ?? t('delete')}<span className="sr-only">: {name}</span>
      </button>
    );
  }
  return (
    <ActionForm action={action} className="flex flex-wrap items-center gap-2 text-sm" aria-label={question ?? t('confirm', { name })}>
      {Object.entries(fields).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
      <span role="status">{question ?? t('confirm', { name })}</span>
      <button type="submit" className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800">{t('yes')}</button>
      <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 px-3 py-1">{t('cancel')}</button>
    </ActionForm>
  );
}
