import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { UseLinkForm } from './use-link-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portalSignIn');
  return { title: t('heading') };
}

// The emailed link lands here; signing in takes a click (a POST), so a mail scanner that opens the link
// does not use it up.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const t = await getTranslations('portalSignIn');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">{t('verifyHeading')}</h1>
          <p className="text-slate-600">{t('verifyIntro')}</p>
          <UseLinkForm token={token} />
        </div>
      </main>
    </>
  );
}
