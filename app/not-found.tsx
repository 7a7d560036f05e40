import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-lg space-y-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('notFoundHeading')}</h1>
      <p className="text-slate-600">{t('NOT_FOUND')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('backHome')}
      </Link>
    </main>
  );
}
