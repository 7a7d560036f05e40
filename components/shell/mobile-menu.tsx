'use client';

import { Menu } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Sheet, SheetContent, SheetTrigger } from '@/components/ui/sheet';
import { cn } from '@/lib/cn';
import { isCurrentPath, type ShellLink, type ShellLinks } from './shell-links';

type Labels = { menu: string; close: string; navigation: string; more: string };

/** Below 1024 px the links move into a panel opened by a menu button; choosing a page closes it. */
export function MobileMenu({ links, labels }: { links: ShellLinks; labels: Labels }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const list = (items: ShellLink[]) => (
    <ul className="space-y-0.5">
      {items.map((link) => {
        const current = isCurrentPath(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              onClick={() => setOpen(false)}
              className={cn(
                'flex min-h-11 items-center rounded-md px-3 text-slate-800 hover:bg-slate-100',
                current && 'bg-brand-50 font-medium text-brand-900 shadow-[inset_3px_0_0] shadow-brand-700',
              )}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger className="inline-flex h-10 items-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700 lg:hidden">
        <Menu aria-hidden className="size-5" />
        <span>{labels.menu}</span>
      </SheetTrigger>
      <SheetContent title="Sejour" closeLabel={labels.close}>
        <nav aria-label={labels.navigation} className="space-y-4">
          {list(links.primary)}
          {links.more.length > 0 && (
            <section aria-labelledby="mobile-menu-more">
              <h2 id="mobile-menu-more" className="px-3 pb-1 text-xs font-medium uppercase tracking-wide text-slate-600">
                {labels.more}
              </h2>
              {list(links.more)}
            </section>
          )}
        </nav>
      </SheetContent>
    </Sheet>
  );
}
