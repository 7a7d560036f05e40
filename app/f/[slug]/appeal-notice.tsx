'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { URGENT_APPEAL_DAYS } from '@/lib/rules/inquiry-appeal';

/** How long the person has to appeal, as far as their notification date tells: the ordinary period, said plainly. */
export function AppealNotice({ dueOn, daysLeft }: { dueOn: string; daysLeft: number }) {
  const t = useTranslations('publicPage.appeal');
  const format = useFormatter();
  // A plain date: noon UTC is the same calendar day in Brussels whatever the browser's zone.
  const date = format.dateTime(new Date(`${dueOn}T12:00:00Z`), { dateStyle: 'long', timeZone: 'Europe/Brussels' });
  const urgent = daysLeft < URGENT_APPEAL_DAYS;
  return (
    <div role="note" className={`rounded-md border px-4 py-3 ${urgent ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-900'}`}>
      <p className="font-semibold">{daysLeft >= 0 ? t('daysLeft', { days: daysLeft, date }) : t('passed', { date })}</p>
      <p className="text-sm">{t('caveat')}</p>
    </div>
  );
}
