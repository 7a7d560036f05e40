'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { dateInputAttributes } from '@/components/form/date-input';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { transitionAction } from './case-actions';

export type TransitionView = {
  id: string;
  label: string;
  fields: { field: string; required: boolean; kind: 'date' | 'number' | 'text' | 'select'; options?: { value: string; label: string }[] }[];
};

function TransitionForm({ caseId, version, transition, today, reasons, stageLabels }: { caseId: string; version: number; transition: TransitionView; today: string; reasons: Record<string, string>; stageLabels: Record<string, string> }) {
  const t = useTranslations('caseView');
  const te = useTranslations('errors');
  const locale = useLocale();
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(transitionAction, null);
  const failed = state && !state.ok ? state : null;
  const reasonField = failed?.fieldErrors ? Object.keys(failed.fieldErrors)[0] : undefined;
  const reasonCode = failed?.userMessage.startsWith('reason.') ? failed.userMessage.slice(7) : null;
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3" open={Boolean(failed)}>
      <summary className="cursor-pointer font-medium text-brand-700">{transition.label}</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        {failed?.code === 'CONFLICT' ? <FormMessage tone="error">{t('conflict')}</FormMessage> : null}
        {failed && failed.code !== 'CONFLICT' ? (
          <FormMessage tone="error">
            {reasonCode ? `${reasons[reasonCode] ?? reasonCode}${reasonField && reasonField !== '_' ? ` (${t(`fields.${reasonField}` as 'fields._')})` : ''}` : te(failed.code)}
          </FormMessage>
        ) : null}
        {state?.ok ? <FormMessage tone="success">{t('moveDone', { stage: stageLabels[(state.data as { stage: string }).stage] ?? '' })}</FormMessage> : null}
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="transition" value={transition.id} />
        <div className="grid gap-3 sm:grid-cols-2">
          {transition.fields.map((f) => {
            const id = `${transition.id}-${f.field}`;
            const label = t(`fields.${f.field}` as 'fields._');
            return (
              <div key={f.field} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium">{label}{f.required ? ' *' : ''}</label>
                {f.kind === 'select' ? (
                  <select id={id} name={`f.${f.field}`} required={f.required} className="w-full rounded-md border border-slate-300 px-3 py-2">
                    {f.required ? null : <option value="">{t('none')}</option>}
                    {f.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={`f.${f.field}`}
                    required={f.required}
                    {...(f.kind === 'date'
                      ? dateInputAttributes(locale, { defaultValue: f.required && !/valid/i.test(f.field) ? today : undefined })
                      : { type: f.kind })}
                    aria-invalid={reasonField === f.field || undefined}
                    className="w-full rounded-md border border-slate-300 px-3 py-2"
                  />
                )}
              </div>
            );
          })}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${transition.id}-note`} className="block text-sm font-medium">{t('note')}</label>
          <textarea id={`${transition.id}-note`} name="note" rows={2} className="w-full rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <SubmitButton>{transition.label}</SubmitButton>
      </form>
    </details>
  );
}

export function TransitionForms(props: { caseId: string; version: number; transitions: TransitionView[]; today: string; reasons: Record<string, string>; stageLabels: Record<string, string> }) {
  const t = useTranslations('caseView');
  if (props.transitions.length === 0) return <p className="text-sm text-slate-600">{t('noMoves')}</p>;
  return (
    <div className="space-y-2">
      {props.transitions.map((transition) => (
        <TransitionForm key={`${transition.id}-${props.version}`} {...props} transition={transition} />
      ))}
    </div>
  );
}
