import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './language-switcher';

export type ShellLink = { href: string; label: string };

/** The signed-in frame: firm, navigation, language, person and sign-out. Used by the workspace and the portal. */
export async function AppShell({ firmName, userLabel, links, signOut, children }: { firmName: string; userLabel: string; links: ShellLink[]; signOut: () => Promise<void>; children: ReactNode }) {
  const t = await getTranslations('shell');
  const locale = await getLocale();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t('skipToContent')}
        </a>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-baseline gap-3">
            <span className="text-lg font-semibold tracking-tight text-brand-900">Sejour</span>
            <span className="text-sm text-slate-600">{firmName}</span>
          </div>
          <nav aria-label={t('navigation')} className="flex flex-wrap items-center gap-4 text-sm">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="text-slate-700 hover:text-brand-700">
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">{userLabel}</span>
            <LanguageSwitcher current={locale} />
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                {t('signOut')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
