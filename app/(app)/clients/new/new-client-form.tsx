'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ComboboxField } from '@/components/form/combobox-field';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ComboboxOption } from '@/components/ui/combobox';
import { createClientAction, type DuplicateCandidate, type NewClientState } from './actions';
import { DateField } from '@/components/form/date-field';

const KNOWN_ERRORS = new Set(['required', 'nationality', 'email', 'nationalRegisterNumber', 'passportNumber', 'fileNumberTaken']);

export function NewClientForm({ countries }: { countries: ComboboxOption[] }) {
  const t = useTranslations('clients');
  const te = useTranslations('errors');
  const [state, action] = useActionState<NewClientState, FormData>(createClientAction, null);
  const failed = state && !state.ok ? state : null;
  const duplicates = (failed?.exposed?.duplicates ?? []) as DuplicateCandidate[];
  const error = (name: string) => {
    const code = failed?.fieldErrors?.[name]?.[0];
    return code ? t(`errors.${KNOWN_ERRORS.has(code) ? code : 'invalid'}`) : null;
  };
  return (
    <form action={action} className="space-y-6" noValidate>
      {failed && !duplicates.length ? <FormMessage tone="error">{te(failed.code)}</FormMessage> : null}
      {duplicates.length ? (
        <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-4 text-sm text-amber-950">
          <p>{t('duplicate')}</p>
          <ul className="list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                {d.lastName}, {d.firstName} · {d.fileNumber} {d.birthDate ? `· ${d.birthDate}` : ''}{' '}
                <Link href={`/clients/${d.id}`} className="underline">{t('openExisting')}</Link>
              </li>
            ))}
          </ul>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmDuplicate" value="true" /> {t('confirmDuplicate')}
          </label>
        </div>
      ) : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('identity')}</legend>
        <Field label={t('firstName')} name="firstName" autoComplete="off" required error={error('firstName')} />
        <Field label={t('lastName')} name="lastName" autoComplete="off" required error={error('lastName')} />
        <DateField label={t('birthDate')} name="birthDate" error={error('birthDate')} />
        <ComboboxField id="field-nationality" label={t('nationality')} name="nationality" options={countries} hint={t('nationalityHint')} error={error('nationality')} />
        <div className="space-y-1">
          <label htmlFor="language" className="block text-sm font-medium">{t('languageLabel')}</label>
          <select id="language" name="language" defaultValue="nl" className="rounded-md border border-slate-300 px-3 py-2">
            <option value="nl">Nederlands</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <Field label={t('fileNumber')} name="fileNumber" hint={t('fileNumberHint')} error={error('fileNumber')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('contact')}</legend>
        <Field label={t('email')} name="email" type="email" autoComplete="off" error={error('email')} />
        <Field label={t('phone')} name="phone" type="tel" autoComplete="off" error={error('phone')} />
        <Field label={t('addressLine')} name="addressLine" autoComplete="off" />
        <Field label={t('postalCode')} name="postalCode" autoComplete="off" />
        <Field label={t('communeLabel')} name="commune" autoComplete="off" />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('sensitive')}</legend>
        <Field label={t('nationalRegisterNumber')} name="nationalRegisterNumber" inputMode="numeric" autoComplete="off" error={error('nationalRegisterNumber')} />
        <Field label={t('passportNumber')} name="passportNumber" autoComplete="off" error={error('passportNumber')} />
      </fieldset>
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
