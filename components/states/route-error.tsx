'use client';

import { RotateCcw, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * What a page shows when rendering it failed: in the reader's language, never the error's own text (it may name
 * internals), with the digest the server logged so the administrator can find it, and a way to try again.
 */
export function RouteError({ digest, retry, home }: { digest?: string; retry: () => void; home: { href: string; label: 'home' | 'portalHome' } }) {
  const t = useTranslations('ui.states');
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm">
      <span className="mx-auto flex size-10 items-center justify-center rounded-full bg-red-50 text-red-700">
        <TriangleAlert aria-hidden="true" className="size-5" />
      </span>
      <h1 className="text-lg font-semibold">{t('errorTitle')}</h1>
      <p className="text-sm text-slate-700">{t('errorText')}</p>
      {digest ? <p className="text-xs text-slate-600">{t('errorReference', { digest })}</p> : null}
      <div className="flex flex-col justify-center gap-2 sm:flex-row">
        <Button onClick={retry}>
          <RotateCcw aria-hidden="true" />
          {t('retry')}
        </Button>
        <Button variant="secondary" asChild>
          <Link href={home.href}>{t(home.label)}</Link>
        </Button>
      </div>
    </div>
  );
}
