'use client';

import { useLocale, useTranslations } from 'next-intl';
import { dateFormatter } from '@/lib/format/date-formatter';
import { URGENT_APPEAL_DAYS } from '@/lib/rules/inquiry-appeal';

/** How long the person has to appeal, as far as their notification date tells: the ordinary period, said plainly. */
export function AppealNotice({ dueOn, daysLeft }: { dueOn: string; daysLeft: number }) {
  const t = useTranslations('publicPage.appeal');
  const date = dateFormatter(useLocale()).long(dueOn);
  const urgent = daysLeft < URGENT_APPEAL_DAYS;
  return (
    <div role="note" className={`rounded-md border px-4 py-3 ${urgent ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-900'}`}>
      <p className="font-semibold">{daysLeft >= 0 ? t('daysLeft', { days: daysLeft, date }) : t('passed', { date })}</p>
      <p className="text-sm">{t('caveat')}</p>
    </div>
  );
}
