import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import type { StaffActor } from '@/lib/auth/actor';
import { PUBLIC_LOCALE_NAMES, PUBLIC_LOCALES } from '@/lib/i18n/public-locales';
import { getPublicPageSettings } from '@/lib/server/firm/get-public-page-settings';
import { publicPageAction } from './actions';

/** The firm's public page: whether people can write and book at /f/<slug>, and what it says about the firm. */
export async function PublicPageSection({ actor }: { actor: StaffActor }) {
  const t = await getTranslations('firmSettings.publicPage');
  const settings = await getPublicPageSettings({ actor });
  const path = `/f/${settings.slug}`;
  return (
    <section aria-labelledby="public-page-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="public-page-heading" className="font-semibold">{t('heading')}</h2>
        <p className="text-sm text-slate-600">{t('hint')}</p>
        {settings.enabled ? (
          <p className="text-sm">
            {t('address')} <a href={path} className="text-brand-700 underline">{path}</a>
          </p>
        ) : null}
      </div>
      <ActionForm action={publicPageAction} className="space-y-3" success={t('saved')} fieldMessages="firmSettings.publicPage.errors">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} />
          {t('enabled')}
        </label>
        {PUBLIC_LOCALES.map((locale) => (
          <label key={locale} className="block space-y-1 text-sm font-medium">
            {t('description', { language: PUBLIC_LOCALE_NAMES[locale] })}
            <textarea name={locale} rows={3} maxLength={2000} defaultValue={settings.description[locale] ?? ''} lang={locale} className="block w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
        ))}
        <SubmitButton>{t('save')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
