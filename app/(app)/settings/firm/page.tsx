import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { getFirmBranding } from '@/lib/server/firm/get-firm-branding';
import { removeLogoAction, uploadLogoAction } from './actions';
import { BillingSection } from './billing-section';
import { PetitionTemplatesSection } from './petition-templates-section';
import { PublicPageSection } from './public-page-section';
import { RetentionSection } from './retention-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('firmSettings');
  return { title: t('heading') };
}

export default async function FirmSettingsPage() {
  const actor = await requireWorkingStaff();
  if (!can(actor.role, 'firm.settings.update')) notFound();
  const branding = await getFirmBranding({ actor });
  const t = await getTranslations('firmSettings');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <section aria-labelledby="logo-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="logo-heading" className="font-semibold">{t('logo.heading')}</h2>
          <p className="text-sm text-slate-600">{t('logo.hint', { kb: Math.round(branding.maxBytes / 1024) })}</p>
        </div>
        {branding.logoPath ? (
          <figure className="space-y-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- the very file the emails point at, not an optimised copy */}
            <img src={branding.logoPath} alt={t('logo.current', { firmName: branding.name })} className="h-10 w-auto rounded border border-slate-200 bg-white p-1" />
            <figcaption className="text-sm text-slate-600">{t('logo.inUse')}</figcaption>
          </figure>
        ) : (
          <p className="text-sm text-slate-700">{t('logo.none', { firmName: branding.name })}</p>
        )}
        <ActionForm action={uploadLogoAction} className="flex flex-wrap items-end gap-3" success={t('logo.saved')}>
          <label className="block space-y-1 text-sm font-medium">
            {t(branding.logoPath ? 'logo.replace' : 'logo.choose')}
            <input type="file" name="logo" accept="image/png,image/jpeg,image/gif" required className="block text-sm" />
          </label>
          <SubmitButton>{t('logo.upload')}</SubmitButton>
        </ActionForm>
        {branding.logoPath ? (
          <ActionForm action={removeLogoAction} success={t('logo.removed')}>
            <button type="submit" className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50">{t('logo.remove')}</button>
          </ActionForm>
        ) : null}
      </section>
      <PetitionTemplatesSection actor={actor} />
      <PublicPageSection actor={actor} />
      <RetentionSection actor={actor} />
      <BillingSection actor={actor} />
    </div>
  );
}
