import { FileCheck } from 'lucide-react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { OverdueDecision } from '@/lib/server/dashboard/list-overdue-decisions';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';
import { getDateFormatter } from '@/lib/format/get-date-formatter';

/** Pending applications whose legal decision period has run out, the longest overdue first. */
export async function OverdueDecisionsSection({ decisions }: { decisions: { items: OverdueDecision[]; total: number } }) {
  const t = await getTranslations('dashboard.decisions');
  const locale = (await getLocale()) as AppLocale;
  const dates = await getDateFormatter();
  return (
    <DashboardSection id="decisions" title={t('heading')} intro={t('intro')}>
      {decisions.items.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {decisions.items.map((item) => (
            <li key={item.caseId} className="py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <Link href={`/cases/${item.caseId}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                    {item.reference}
                  </Link>
                  <span>{item.clientName}</span>
                </span>
                <span className="font-medium text-red-700">{t('late', { days: item.daysOverdue })}</span>
              </div>
              <dl className="mt-0.5 flex flex-wrap gap-x-4 text-slate-600">
                <div className="flex gap-1">
                  <dt className="sr-only">{t('procedure')}</dt>
                  <dd>{ruleLabel(locale, `procedure.${item.procedure}`)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>{t('filedOn')}</dt>
                  <dd>
                    <time dateTime={item.filedOn}>{dates.long(item.filedOn)}</time>
                  </dd>
                </div>
                <div className="flex gap-1">
                  <dt>{t('dueOn')}</dt>
                  <dd>
                    <time dateTime={item.dueOn}>{dates.long(item.dueOn)}</time>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact icon={FileCheck} title={t('empty')} />
      )}
      {decisions.total > decisions.items.length ? <p className="mt-2 text-sm text-slate-600">{t('shown', { shown: decisions.items.length, total: decisions.total })}</p> : null}
    </DashboardSection>
  );
}
