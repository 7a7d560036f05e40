import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const t = await getTranslations('nav');
  const locale = await getLocale();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-900">
          Sejour
        </Link>
        <nav aria-label={t('label')} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href="/" className="text-slate-700 hover:text-brand-700">
            {t('home')}
          </Link>
          <Link href="/status" className="whitespace-nowrap text-slate-700 hover:text-brand-700">
            {t('status')}
          </Link>
          <Link href="/sign-in" className="whitespace-nowrap rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">
            {t('signIn')}
          </Link>
          <LanguageSwitcher current={locale} />
        </nav>
      </div>
    </header>
  );
}
