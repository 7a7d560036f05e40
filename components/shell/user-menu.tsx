'use client';

import { ChevronDown, CircleUser, LogOut } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { LOCALES } from '@/lib/i18n/config';
import { setLocale } from '@/lib/i18n/set-locale';
import { isCurrentPath, type ShellLink } from './shell-links';

/** The firm and the person, their own settings, the language and signing out: one menu, the same at every width. */
type Labels = { accountMenu: string; signOut: string };

export function UserMenu({
  firmName,
  userLabel,
  locale,
  links,
  labels,
  signOut,
}: {
  firmName: string;
  userLabel: string;
  locale: string;
  links: ShellLink[];
  labels: Labels;
  signOut: () => Promise<void>;
}) {
  const tl = useTranslations('language');
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        disabled={pending}
        className="inline-flex h-10 min-w-10 items-center justify-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        <CircleUser aria-hidden className="size-5 shrink-0 text-slate-500" />
        <span className="hidden max-w-40 truncate sm:inline">{userLabel}</span>
        <span className="sr-only">{labels.accountMenu}</span>
        <ChevronDown aria-hidden className="hidden size-4 sm:block" />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel className="text-sm">
          <span className="block truncate font-medium text-slate-900">{userLabel}</span>
          <span className="block truncate font-normal text-slate-600">{firmName}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuGroup>
          {links.map((link) => {
            const current = isCurrentPath(pathname, link.href);
            return (
              <DropdownMenuItem key={link.href} asChild>
                <Link href={link.href} aria-current={current ? 'page' : undefined} className={current ? 'font-medium text-brand-900' : undefined}>
                  {link.label}
                </Link>
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{tl('label')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={locale}
          onValueChange={(next) =>
            startTransition(async () => {
              await setLocale(next);
              router.refresh();
            })
          }
        >
          {LOCALES.map((option) => (
            <DropdownMenuRadioItem key={option} value={option} lang={option}>
              {tl(option)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(() => signOut())}>
          <LogOut aria-hidden />
          {labels.signOut}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
