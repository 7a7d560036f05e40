import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { RequestLinkForm } from './request-link-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portalSignIn');
  return { title: t('heading') };
}

export default async function PortalSignInPage() {
  const t = await getTranslations('portalSignIn');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">{t('heading')}</h1>
          <p className="text-slate-600">{t('intro')}</p>
          <RequestLinkForm />
        </div>
      </main>
    </>
  );
}
