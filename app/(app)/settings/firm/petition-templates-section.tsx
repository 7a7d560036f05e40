import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { listPetitionTemplates } from '@/lib/server/firm/list-petition-templates';
import { removePetitionTemplateAction, uploadPetitionTemplateAction } from './actions';

const LANGUAGE = { en: 'English', nl: 'Nederlands', fr: 'Français' } as const;

/** The firm's DOCX petition templates per language, with the fields Sejour fills. */
export async function PetitionTemplatesSection({ actor }: { actor: StaffActor }) {
  const t = await getTranslations('appeals.template');
  const { fields, templates, maxBytes } = await listPetitionTemplates({ actor });
  return (
    <section aria-labelledby="templates-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="templates-heading" className="font-semibold">{t('heading')}</h2>
        <p className="text-sm text-slate-600">{t('intro', { kb: Math.round(maxBytes / 1024) })}</p>
        <p className="mt-1 text-xs text-slate-600">{t('fields')} {fields.map((field) => <code key={field} className="mr-1 rounded bg-slate-100 px-1">{`{${field}}`}</code>)}</p>
      </div>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="petition-templates">
        {templates.map(({ locale, own }) => (
          <li key={locale} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span><span className="font-medium">{LANGUAGE[locale]}</span> · {own ? t('custom', { fileName: own.fileName }) : t('sample')}</span>
            {own ? (
              <ActionForm action={removePetitionTemplateAction}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="text-xs text-red-800 underline">{t('remove')}</button>
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionForm action={uploadPetitionTemplateAction} className="flex flex-wrap items-end gap-3" success={t('saved')} aria-label={t('upload')}>
        <label className="block space-y-1 text-sm font-medium">{t('locale')}
          <select name="locale" className="block rounded-md border border-slate-300 px-2 py-1">
            {templates.map(({ locale }) => <option key={locale} value={locale}>{LANGUAGE[locale]}</option>)}
          </select>
        </label>
        <label className="block space-y-1 text-sm font-medium">{t('file')}
          <input type="file" name="template" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required className="block text-sm" />
        </label>
        <SubmitButton>{t('upload')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
