'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { updateCaseAction } from './case-actions';
import { DateField } from '@/components/form/date-field';

export type FactsFormValues = {
  stay?: string;
  arrivedOn?: string;
  legalResidenceSince?: string;
  movedOn?: string;
  sponsor?: string;
  targetCard?: string;
  assignedToId?: string;
  dvzFileNumber?: string;
  communeReference?: string;
};

type Option = { value: string; label: string };

/** The case's editable facts. It carries the version it was loaded at, so a stale save is refused. */
export function FactsForm({ caseId, version, values, cards, members }: { caseId: string; version: number; values: FactsFormValues; cards: Option[]; members: Option[] }) {
  const t = useTranslations('caseView');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(updateCaseAction, null);
  const failed = state && !state.ok ? state : null;
  const select = (name: keyof FactsFormValues, label: string, options: Option[], optional = true) => (
    <div className="space-y-1">
      <label htmlFor={`facts-${name}`} className="block text-sm font-medium">{label}</label>
      <select id={`facts-${name}`} name={name} defaultValue={values[name] ?? ''} className="w-full rounded-md border border-slate-300 px-3 py-2">
        {optional ? <option value="">{t('none')}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      {failed?.code === 'CONFLICT' ? (
        <FormMessage tone="error">
          {t('conflict')}{' '}
          <a href={`/cases/${caseId}`} className="underline">{t('reload')}</a>
        </FormMessage>
      ) : failed ? (
        <FormMessage tone="error">{te(failed.code)}</FormMessage>
      ) : state?.ok ? (
        <FormMessage tone="success">{t('saved')}</FormMessage>
      ) : null}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        {select('stay', t('stay'), [{ value: 'LONG', label: t('stayLong') }, { value: 'SHORT', label: t('stayShort') }])}
        <DateField label={t('arrivedOn')} name="arrivedOn" defaultValue={values.arrivedOn} />
        <DateField label={t('legalResidenceSince')} name="legalResidenceSince" defaultValue={values.legalResidenceSince} />
        <DateField label={t('movedOn')} name="movedOn" defaultValue={values.movedOn} />
        {select('sponsor', t('sponsor'), ['NON_EU', 'EU', 'BELGIAN'].map((v) => ({ value: v, label: t(`sponsorOptions.${v}` as 'sponsorOptions.EU') })))}
        {select('targetCard', t('targetCard'), cards)}
        {select('assignedToId', t('assignedTo'), members, false)}
        <Field label={t('dvzFileNumber')} name="dvzFileNumber" defaultValue={values.dvzFileNumber} />
        <Field label={t('communeReference')} name="communeReference" defaultValue={values.communeReference} />
      </div>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
