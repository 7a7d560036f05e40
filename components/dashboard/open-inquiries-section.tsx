import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OpenInquiries } from '@/lib/server/dashboard/list-open-inquiries';
import { DashboardSection } from './dashboard-section';
import { getDateFormatter } from '@/lib/format/get-date-formatter';

/** The public form's urgent inquiries (an appeal period running out) and how many wait for a first answer. */
export async function OpenInquiriesSection({ inquiries }: { inquiries: OpenInquiries }) {
  const t = await getTranslations('dashboard.inquiries');
  const dates = await getDateFormatter();
  return (
    <DashboardSection id="open-inquiries" title={t('heading')} intro={t('intro', { count: inquiries.unanswered })}>
      {inquiries.urgent.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {inquiries.urgent.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-2 py-2">
              <Link href={`/inquiries/${item.id}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                {item.name}
              </Link>
              <span className="font-medium text-red-800">
                {item.daysLeft >= 0 ? t('daysLeft', { days: item.daysLeft, date: dates.long(item.appealDueOn) }) : t('passed', { date: dates.long(item.appealDueOn) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('noneUrgent')}</p>
      )}
      <p className="mt-2 text-sm">
        <Link href="/inquiries" className="text-brand-700 underline underline-offset-2 hover:text-brand-900">{t('all')}</Link>
      </p>
    </DashboardSection>
  );
}
