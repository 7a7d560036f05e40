'use client';

import { ArrowRight } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { toast } from 'sonner';
import { dateInputAttributes } from '@/components/form/date-input';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/errors';
import { transitionAction } from './case-actions';

type State = ActionResult<unknown> | null;

export type TransitionView = {
  id: string;
  label: string;
  fields: { field: string; required: boolean; kind: 'date' | 'number' | 'text' | 'select'; options?: { value: string; label: string }[] }[];
};

function TransitionForm({ caseId, version, transition, today, reasons, stageLabels }: { caseId: string; version: number; transition: TransitionView; today: string; reasons: Record<string, string>; stageLabels: Record<string, string> }) {
  const t = useTranslations('caseView');
  const te = useTranslations('errors');
  const locale = useLocale();
  const tu = useTranslations('ui.dialog');
  const [open, setOpen] = useState(false);
  // A move changes the case's version, which remounts this form: the toast is raised as the action answers.
  const move = async (previous: State, data: FormData): Promise<State> => {
    const result = await transitionAction(previous, data);
    if (result?.ok) {
      toast.success(t('moveDone', { stage: stageLabels[(result.data as { stage: string }).stage] ?? '' }));
      setOpen(false);
    }
    return result;
  };
  const [state, action] = useActionState<State, FormData>(move, null);
  const failed = state && !state.ok ? state : null;
  const reasonField = failed?.fieldErrors ? Object.keys(failed.fieldErrors)[0] : undefined;
  const reasonCode = failed?.userMessage.startsWith('reason.') ? failed.userMessage.slice(7) : null;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" className="w-full justify-between text-brand-700 sm:w-auto">
          {transition.label}
          <ArrowRight aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tu('close')} aria-describedby={undefined}>
      <DialogHeader title={transition.label} />
      <form action={action} className="space-y-3" noValidate>
        {failed?.code === 'CONFLICT' ? <FormMessage tone="error">{t('conflict')}</FormMessage> : null}
        {failed && failed.code !== 'CONFLICT' ? (
          <FormMessage tone="error">
            {reasonCode ? `${reasons[reasonCode] ?? reasonCode}${reasonField && reasonField !== '_' ? ` (${t(`fields.${reasonField}` as 'fields._')})` : ''}` : te(failed.code)}
          </FormMessage>
        ) : null}
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
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{t('cancelMove')}</Button>
          </DialogClose>
          <SubmitButton>{transition.label}</SubmitButton>
        </DialogFooter>
      </form>
      </DialogContent>
    </Dialog>
  );
}

export function TransitionForms(props: { caseId: string; version: number; transitions: TransitionView[]; today: string; reasons: Record<string, string>; stageLabels: Record<string, string> }) {
  const t = useTranslations('caseView');
  if (props.transitions.length === 0) return <p className="text-sm text-slate-600">{t('noMoves')}</p>;
  return (
    <div className="flex flex-wrap gap-2">
      {props.transitions.map((transition) => (
        <TransitionForm key={`${transition.id}-${props.version}`} {...props} transition={transition} />
      ))}
    </div>
  );
}
