'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { LOCALES } from '@/lib/i18n/config';
import { setLocale } from '@/lib/i18n/set-locale';

/** `large` gives the select a thumb-sized target (44 px), for the portal on a phone. */
export function LanguageSwitcher({ current, large = false }: { current: string; large?: boolean }) {
  const t = useTranslations('language');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-slate-700">
      <span className="sr-only">{t('label')}</span>
      <select
        value={current}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
        className={`rounded-md border border-slate-300 bg-white px-2 text-sm ${large ? 'min-h-11 px-3' : 'py-1'}`}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
