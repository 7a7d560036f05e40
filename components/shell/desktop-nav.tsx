'use client';

import { ChevronDown } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { cn } from '@/lib/cn';
import { isCurrentPath, type ShellLinks } from './shell-links';

const linkClass = 'inline-flex h-9 items-center whitespace-nowrap rounded-md px-2.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-brand-900';
const currentClass = 'bg-brand-50 font-medium text-brand-900 shadow-[inset_0_-2px_0] shadow-brand-700';

/** From 1024 px: the daily pages as links, the management pages in a "More" menu, the current one marked. */
export function DesktopNav({ links, label, moreLabel }: { links: ShellLinks; label: string; moreLabel: string }) {
  const pathname = usePathname();
  const moreCurrent = links.more.some((link) => isCurrentPath(pathname, link.href));
  return (
    <nav aria-label={label} className="hidden min-w-0 items-center gap-0.5 lg:flex">
      {links.primary.map((link) => {
        const current = isCurrentPath(pathname, link.href);
        return (
          <Link key={link.href} href={link.href} aria-current={current ? 'page' : undefined} className={cn(linkClass, current && currentClass)}>
            {link.label}
          </Link>
        );
      })}
      {links.more.length > 0 && (
        <DropdownMenu>
          <DropdownMenuTrigger className={cn(linkClass, 'gap-1 focus-visible:outline-2 focus-visible:outline-brand-700', moreCurrent && currentClass)}>
            {moreLabel}
            <ChevronDown aria-hidden className="size-4" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            {links.more.map((link) => {
              const current = isCurrentPath(pathname, link.href);
              return (
                <DropdownMenuItem key={link.href} asChild>
                  <Link href={link.href} aria-current={current ? 'page' : undefined} className={cn(current && 'font-medium text-brand-900')}>
                    {link.label}
                  </Link>
                </DropdownMenuItem>
              );
            })}
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </nav>
  );
}
