'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { Field } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { publishSlotAction } from './actions';

const MODES = ['IN_PERSON', 'PHONE', 'VIDEO'] as const;
const select = 'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm';

/** Publishes one time; an admin picks whose it is, an advisor's list holds only themselves. */
export function PublishSlotForm({ advisors, me, modeLabels }: { advisors: { id: string; name: string }[]; me: string; modeLabels: Record<(typeof MODES)[number], string> }) {
  const t = useTranslations('consultations.publish');
  const [mode, setMode] = useState<(typeof MODES)[number]>('IN_PERSON');
  return (
    <ActionForm action={publishSlotAction} fieldMessages="consultations.fields" success={t('published')} className="grid gap-4 sm:grid-cols-2" aria-label={t('heading')}>
      <div className="space-y-1">
        <label htmlFor="slot-advisor" className="block text-sm font-medium text-slate-800">{t('advisor')}</label>
        <select id="slot-advisor" name="advisorId" defaultValue={advisors.some((a) => a.id === me) ? me : advisors[0]?.id} className={select}>
          {advisors.map((advisor) => <option key={advisor.id} value={advisor.id}>{advisor.name}</option>)}
        </select>
      </div>
      <Field label={t('startsAt')} name="startsAt" type="datetime-local" required />
      <Field label={t('duration')} name="durationMinutes" type="number" min={15} max={240} step={5} defaultValue={45} required />
      <Field label={t('price')} name="price" inputMode="decimal" defaultValue="0" required />
      <div className="space-y-1">
        <label htmlFor="slot-mode" className="block text-sm font-medium text-slate-800">{t('mode')}</label>
        <select id="slot-mode" name="mode" value={mode} onChange={(event) => setMode(event.target.value as (typeof MODES)[number])} className={select}>
          {MODES.map((value) => <option key={value} value={value}>{modeLabels[value]}</option>)}
        </select>
      </div>
      <Field label={t('location')} name="location" hint={t('locationHint')} disabled={mode === 'PHONE'} maxLength={500} />
      <div className="sm:col-span-2">
        <SubmitButton>{t('submit')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
