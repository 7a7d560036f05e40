'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ComboboxField } from '@/components/form/combobox-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { createCaseAction } from './actions';
import { DateField } from '@/components/form/date-field';

type Option = { value: string; label: string };

export function NewCaseForm({ clientId, clientLabel, procedures, cards, members, me }: { clientId: string; clientLabel: string; procedures: Option[]; cards: Option[]; members: Option[]; me: string }) {
  const t = useTranslations('caseView');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(createCaseAction, null);
  const failed = state && !state.ok ? state : null;
  const select = (name: string, label: string, options: Option[], defaultValue?: string, optional = false) => (
    <div className="space-y-1">
      <label htmlFor={`case-${name}`} className="block text-sm font-medium">{label}</label>
      <select id={`case-${name}`} name={name} defaultValue={defaultValue} className="w-full rounded-md border border-slate-300 px-3 py-2">
        {optional ? <option value="">{t('none')}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form action={action} className="space-y-5" noValidate>
      {failed ? <FormMessage tone="error">{te(failed.code)}</FormMessage> : null}
      <input type="hidden" name="clientId" value={clientId} />
      <p>
        <span className="font-medium">{t('client')}:</span> {clientLabel}{' '}
        <Link href="/cases/new" className="ml-2 text-sm text-brand-700 underline">{t('changeClient')}</Link>
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {select('procedure', t('procedure'), procedures)}
        {select('targetCard', t('targetCard'), cards, '', true)}
        <ComboboxField id="case-assignedToId" label={t('assignedTo')} name="assignedToId" options={members} defaultValue={me} />
        {select('stay', t('stay'), [{ value: 'LONG', label: t('stayLong') }, { value: 'SHORT', label: t('stayShort') }], 'LONG', true)}
        <DateField label={t('arrivedOn')} name="arrivedOn" error={failed?.fieldErrors?.arrivedOn ? te('VALIDATION') : null} />
        <DateField label={t('legalResidenceSince')} name="legalResidenceSince" />
      </div>
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
