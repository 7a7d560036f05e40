import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CommandCenter } from './shell/command-center';
import { DesktopNav } from './shell/desktop-nav';
import { MobileMenu } from './shell/mobile-menu';
import type { PaletteAction, PaletteLabels } from './shell/palette-types';
import type { ShellLinks } from './shell/shell-links';
import { UserMenu } from './shell/user-menu';

async function paletteLabels(): Promise<PaletteLabels> {
  const t = await getTranslations('palette');
  const keys = [
    'search',
    'placeholder',
    'dialogTitle',
    'goGroup',
    'createGroup',
    'casesGroup',
    'clientsGroup',
    'loading',
    'noResults',
    'typeMore',
    'failed',
    'dvz',
    'rvv',
    'shortcutsTitle',
    'shortcutsIntro',
    'shortcutOpenPalette',
    'shortcutShowHelp',
    'then',
    'close',
  ] as const;
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as PaletteLabels;
}

/**
 * The signed-in workspace frame on one row from 360 to 1440 px: the daily pages as links from 1024 px (a menu
 * button below), the firm's management pages under "More", the search, and the person's own menu.
 */
export async function AppShell({
  firmName,
  userLabel,
  links,
  actions,
  signOut,
  children,
}: {
  firmName: string;
  userLabel: string;
  links: ShellLinks;
  actions: PaletteAction[];
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  const t = await getTranslations('shell');
  const locale = await getLocale();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t('skipToContent')}
        </a>
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-4">
          <MobileMenu
            links={links}
            labels={{
              menu: t('menu'),
              close: t('closeMenu'),
              navigation: t('navigation'),
              more: t('more'),
            }}
          />
          <Link href="/dashboard" className="mr-2 flex min-w-0 shrink-0 items-baseline gap-2" title={firmName}>
            <span className="text-lg font-semibold tracking-tight text-brand-900">Sejour</span>
            <span className="sr-only">{firmName}</span>
          </Link>
          <DesktopNav links={links} label={t('navigation')} moreLabel={t('more')} />
          <div className="ml-auto flex shrink-0 items-center gap-1.5">
            <CommandCenter actions={actions} labels={await paletteLabels()} />
            <UserMenu firmName={firmName} userLabel={userLabel} locale={locale} links={links.account} labels={{ accountMenu: t('accountMenu'), signOut: t('signOut') }} signOut={signOut} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
