'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { CASE_FIELDS, CLIENT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from '@/lib/server/import/import-fields';
import { checkImportAction, type MappingState } from './actions';

type Props = { jobId: string; headers: string[]; columns: ColumnMapping; defaultLanguage?: string };

/** Step 2: one select per field, prefilled with the suggested (or last saved) column. */
export function MappingForm({ jobId, headers, columns, defaultLanguage }: Props) {
  const t = useTranslations('importer');
  const te = useTranslations('errors');
  const [state, action] = useActionState<MappingState, FormData>(checkImportAction, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (field: ImportField) => {
    const code = failed?.fieldErrors?.[`column.${field}`]?.[0];
    if (!code) return null;
    if (field === 'language' && code === 'required') return t('mapping.languageRequired');
    return code === 'required' ? t('mapping.fieldRequired') : t('mapping.fieldInvalid');
  };
  const headerName = (header: string, index: number) => header || t('columnN', { n: index + 1 });

  const select = (field: ImportField) => {
    const id = `map-${field}`;
    const error = fieldError(field);
    const required = REQUIRED_FIELDS.includes(field);
    return (
      <div key={field} className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t(`fields.${field}`)}
          {required ? <span className="font-normal text-slate-600"> {t('mapping.required')}</span> : null}
        </label>
        <select
          id={id}
          name={`column.${field}`}
          defaultValue={columns[field] === undefined ? '' : String(columns[field])}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600"
        >
          <option value="">{t('mapping.none')}</option>
          {headers.map((header, index) => (
            <option key={index} value={String(index)}>
              {headerName(header, index)}
            </option>
          ))}
        </select>
        {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
      </div>
    );
  };

  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="jobId" value={jobId} />
      {failed ? <FormMessage tone="error">{failed.userMessage.startsWith('importer.') ? t(failed.userMessage.slice('importer.'.length)) : te(failed.code)}</FormMessage> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 font-semibold">{t('mapping.client')}</legend>
        {CLIENT_FIELDS.map(select)}
        <div className="space-y-1">
          <label htmlFor="map-default-language" className="block text-sm font-medium text-slate-800">{t('mapping.defaultLanguage')}</label>
          <select id="map-default-language" name="defaultLanguage" defaultValue={defaultLanguage ?? ''} className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            <option value="">{t('mapping.noDefault')}</option>
            <option value="nl" lang="nl">Nederlands</option>
            <option value="fr" lang="fr">Français</option>
            <option value="en" lang="en">English</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 font-semibold">{t('mapping.case')}</legend>
        {CASE_FIELDS.map(select)}
      </fieldset>
      <SubmitButton>{t('mapping.submit')}</SubmitButton>
    </form>
  );
}
