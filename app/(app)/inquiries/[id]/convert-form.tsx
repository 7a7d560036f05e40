'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useTransition, type FormEvent } from 'react';
import { ComboboxField } from '@/components/form/combobox-field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ComboboxOption } from '@/components/ui/combobox';
import type { DuplicateCandidate } from '@/lib/server/client/find-duplicate-clients';
import { convertInquiryAction, type ConvertState } from './actions';

type Option = { value: string; label: string };

/**
 * Converting an inquiry: what the public form may not have given (nationality) or gives in a language the app
 * does not speak (German), the optional case, and past a possible conflict the admin's reason. A probable
 * duplicate client is shown as the new-client form shows it, with the same confirmation.
 */
export function ConvertForm({ inquiryId, nationality, countries, language, procedure, procedures, pastConflict, refusalNote }: {
  inquiryId: string;
  nationality: string;
  countries: ComboboxOption[];
  language: string;
  procedure: string;
  procedures: Option[];
  pastConflict: boolean;
  refusalNote: string | null;
}) {
  const t = useTranslations('inquiries.convert');
  const tf = useTranslations('inquiries.fields');
  const te = useTranslations('errors');
  const [state, action] = useActionState<ConvertState, FormData>(convertInquiryAction, null);
  const [pending, startTransition] = useTransition();
  // Submitted by hand, as ActionForm does: React resets a form after its action, which would untick "someone
  // else", re-tick "create a case" and wipe the reason the admin typed whenever the server refuses.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  if (state?.ok) {
    return (
      <FormMessage tone="success">
        {t('converted', { fileNumber: state.data.fileNumber })} <Link href={`/clients/${state.data.clientId}`} className="underline">{t('openClient')}</Link>
        {state.data.caseId ? <> · <Link href={`/cases/${state.data.caseId}`} className="underline">{t('openCase')}</Link></> : null}
      </FormMessage>
    );
  }
  const failed = state && !state.ok ? state : null;
  const duplicates = (failed?.exposed?.duplicates ?? []) as DuplicateCandidate[];
  const fieldError = (name: string) => {
    const code = failed?.fieldErrors?.[name]?.[0];
    return code ? tf(tf.has(code) ? code : 'invalid') : null;
  };
  // Fields this form has are marked where they are; anything else (the person's email, say) in the general message.
  const elsewhere = Object.keys(failed?.fieldErrors ?? {}).filter((name) => !['nationality', 'procedure', 'reason'].includes(name));
  const general = failed && !duplicates.length && (!failed.fieldErrors || elsewhere.length > 0);
  return (
    <form onSubmit={submit} className="space-y-4 text-sm" aria-label={t('heading')} aria-busy={pending}>
      <fieldset disabled={pending} className="contents">
      <input type="hidden" name="inquiryId" value={inquiryId} />
      {general ? <FormMessage tone="error">{failed.message ?? te(failed.code)}</FormMessage> : null}
      {duplicates.length ? (
        <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-4 text-amber-950">
          <p>{t('duplicate')}</p>
          <ul className="list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                {d.lastName}, {d.firstName} · {d.fileNumber} {d.birthDate ? `· ${d.birthDate}` : ''} <Link href={`/clients/${d.id}`} className="underline">{t('openExisting')}</Link>
              </li>
            ))}
          </ul>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmDuplicate" value="true" /> {t('confirmDuplicate')}
          </label>
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <ComboboxField id="convert-nationality" label={t('nationality')} name="nationality" options={countries} defaultValue={nationality} error={fieldError('nationality')} />
        <div className="space-y-1">
          <label htmlFor="convert-language" className="block font-medium">{t('language')}</label>
          <select id="convert-language" name="language" defaultValue={language} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="nl">Nederlands</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="createCase" defaultChecked /> {t('createCase')}
      </label>
      <div className="space-y-1">
        <label htmlFor="convert-procedure" className="block font-medium">{t('procedure')}</label>
        <select id="convert-procedure" name="procedure" defaultValue={procedure} className="rounded-md border border-slate-300 px-3 py-2">
          <option value="">{t('procedureNone')}</option>
          {procedures.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
        {fieldError('procedure') ? <p className="text-red-700">{fieldError('procedure')}</p> : null}
        {refusalNote ? <p className="text-slate-600">{refusalNote}</p> : null}
      </div>
      {pastConflict ? (
        <div className="space-y-1">
          <p className="rounded-md bg-amber-50 p-3 text-amber-950">{t('pastConflict')}</p>
          <label htmlFor="convert-reason" className="block font-medium">{t('reason')}</label>
          <textarea id="convert-reason" name="reason" rows={3} aria-invalid={fieldError('reason') ? true : undefined} className="w-full rounded-md border border-slate-300 px-3 py-2" />
          {fieldError('reason') ? <p className="text-red-700">{fieldError('reason')}</p> : null}
        </div>
      ) : null}
      <SubmitButton>{t('submit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
