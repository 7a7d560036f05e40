import { CalendarCheck } from 'lucide-react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { DueBucket, DueItem, DueItems } from '@/lib/server/dashboard/list-due-items';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';
import { getDateFormatter } from '@/lib/format/get-date-formatter';

const BUCKETS = [
  { name: 'overdue', empty: 'emptyOverdue' },
  { name: 'week', empty: 'emptyWeek' },
  { name: 'month', empty: 'emptyMonth' },
] as const;

/** My overdue and upcoming deadlines and tasks, one table per bucket, each row linking to its case. */
export async function DueItemsSection({ due }: { due: DueItems }) {
  const t = await getTranslations('dashboard.due');
  const locale = (await getLocale()) as AppLocale;
  const dates = await getDateFormatter();

  const what = (item: DueItem) =>
    item.source === 'task' ? (
      t('task', { title: item.title ?? '' })
    ) : (
      <>
        {item.deadlineKind ? ruleLabel(locale, `deadline.${item.deadlineKind}`) : null}
        {item.actor === 'CLIENT' ? <span className="ml-1 text-slate-600">({t('clientActs')})</span> : null}
      </>
    );

  const table = (name: string, bucket: DueBucket) => (
    <table aria-labelledby={`due-${name}-heading`} className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-3 font-medium">{t('case')}</th>
          <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">{t('client')}</th>
          <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">{t('what')}</th>
          <th scope="col" className="py-2 pr-3 font-medium">{t('dueOn')}</th>
          <th scope="col" className="py-2 text-right font-medium">{t('when')}</th>
        </tr>
      </thead>
      <tbody>
        {bucket.items.map((item) => (
          <tr key={`${item.source}-${item.id}`} className="border-b border-slate-100 last:border-0">
            <td className="py-2 pr-3">
              <Link href={`/cases/${item.caseId}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                {item.reference}
              </Link>
              {/* on a phone the client and what is due fold under the case */}
              <span className="block text-slate-700 sm:hidden">{item.clientName}</span>
              <span className="block text-xs text-slate-600 sm:hidden">{what(item)}</span>
            </td>
            <td className="hidden py-2 pr-3 sm:table-cell">{item.clientName}</td>
            <td className="hidden py-2 pr-3 sm:table-cell">{what(item)}</td>
            <td className="py-2 pr-3 sm:whitespace-nowrap">
              <time dateTime={item.dueOn}>{dates.long(item.dueOn)}</time>
            </td>
            <td className={`py-2 text-right whitespace-nowrap tabular-nums ${item.daysLeft < 0 ? 'font-medium text-red-700' : ''}`}>
              {/* the same date, told as a distance from today */}
              <time dateTime={item.dueOn}>{item.daysLeft < 0 ? t('daysOverdue', { days: -item.daysLeft }) : t('daysLeft', { days: item.daysLeft })}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <DashboardSection
      id="due"
      title={t('heading')}
      intro={t('intro')}
      aside={
        <Link href="/account/calendar" className="text-sm text-brand-700 underline underline-offset-2">
          {t('calendarLink')}
        </Link>
      }
    >
      <div className="space-y-6">
        {BUCKETS.map(({ name, empty }) => {
          const bucket = due[name];
          return (
            <div key={name} role="group" aria-labelledby={`due-${name}-heading`} data-testid={`due-${name}`}>
              <h3 id={`due-${name}-heading`} className={`mb-1 font-semibold ${name === 'overdue' && bucket.total ? 'text-red-800' : ''}`}>
                {t(name)} <span className="font-normal text-slate-600">({t('count', { count: bucket.total })})</span>
              </h3>
              {bucket.items.length ? table(name, bucket) : <EmptyState compact icon={CalendarCheck} title={t(empty)} />}
              {bucket.total > bucket.items.length ? (
                <p className="mt-2 text-sm text-slate-600">{t('shown', { shown: bucket.items.length, total: bucket.total })}</p>
              ) : null}
            </div>
          );
        })}
      </div>
    </DashboardSection>
  );
}
