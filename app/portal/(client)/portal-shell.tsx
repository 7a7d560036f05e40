import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/language-switcher';

/**
 * The client's frame, made for a phone first: the workspace shell keeps person, language and sign-out on one line,
 * which does not fit 360 px, and names its navigation for staff. Here every row wraps and every control is a
 * thumb's size; the links are the client's own file and where they are signed in.
 */
export async function PortalShell({ firmName, userLabel, signOut, children }: { firmName: string; userLabel: string; signOut: () => Promise<void>; children: ReactNode }) {
  const t = await getTranslations('shell');
  const tp = await getTranslations('portalCase.nav');
  const locale = await getLocale();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t('skipToContent')}
        </a>
        <div className="mx-auto max-w-3xl space-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
            <p className="min-w-0">
              <span className="text-lg font-semibold tracking-tight text-brand-900">Sejour</span>{' '}
              <span className="text-sm text-slate-600">{firmName}</span>
            </p>
            <nav aria-label={tp('label')}>
              <Link href="/portal" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-4 hover:underline">
                {t('portalHome')}
              </Link>
              <Link href="/portal/sessions" className="ml-4 inline-flex min-h-11 items-center text-brand-700 underline-offset-4 hover:underline">
                {t('portalSessions')}
              </Link>
            </nav>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <span className="min-w-0 break-words text-slate-600">{userLabel}</span>
            <div className="flex flex-wrap items-center gap-3">
              <LanguageSwitcher current={locale} large />
              <form action={signOut}>
                <button type="submit" className="min-h-11 rounded-md border border-slate-300 px-4 text-slate-700 hover:bg-slate-100">
                  {t('signOut')}
                </button>
              </form>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
