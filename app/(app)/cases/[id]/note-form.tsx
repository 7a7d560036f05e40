'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { addNoteAction } from './case-actions';

export function NoteForm({ caseId }: { caseId: string }) {
  const t = useTranslations('caseView');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(addNoteAction, null);
  return (
    <form action={action} key={state?.ok ? (state.data as { id: string }).id : 'note'} className="space-y-2">
      {state && !state.ok ? <FormMessage tone="error">{te(state.code)}</FormMessage> : null}
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor="note-body" className="block text-sm font-medium">{t('noteBody')}</label>
      <textarea id="note-body" name="body" rows={3} required className="w-full rounded-md border border-slate-300 px-3 py-2" />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="visibility" value="CLIENT" /> {t('noteVisible')}
      </label>
      <SubmitButton className="text-sm">{t('addNote')}</SubmitButton>
    </form>
  );
}
