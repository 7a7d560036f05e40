import { ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { UnconfirmedDeadline } from '@/lib/server/dashboard/list-unconfirmed-deadlines';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';
import { getDateFormatter } from '@/lib/format/get-date-formatter';

/** Appeal deadlines a second person has not checked yet (four eyes), soonest first; hidden when the firm does not ask for it. */
export async function UnconfirmedDeadlinesSection({ unconfirmed, userId }: { unconfirmed: { required: boolean; items: UnconfirmedDeadline[]; total: number }; userId: string }) {
  if (!unconfirmed.required) return null;
  const t = await getTranslations('dashboard.unconfirmed');
  const dates = await getDateFormatter();
  return (
    <DashboardSection id="unconfirmed" title={t('heading')} intro={t('intro')}>
      {unconfirmed.items.length ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="unconfirmed-deadlines">
          {unconfirmed.items.map((item) => (
            <li key={item.deadlineId} className="flex flex-wrap items-baseline justify-between gap-x-2 py-2">
              <span className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/cases/${item.caseId}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">{item.reference}</Link>
                <span>{item.clientName}</span>
                {item.recordedById === userId ? <span className="text-xs text-slate-600">{t('yours')}</span> : null}
              </span>
              <span className="font-medium text-amber-800">{t('dueOn', { date: dates.long(item.dueOn) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact icon={ShieldCheck} title={t('empty')} />
      )}
      {unconfirmed.total > unconfirmed.items.length ? <p className="mt-2 text-sm text-slate-600">{t('shown', { shown: unconfirmed.items.length, total: unconfirmed.total })}</p> : null}
    </DashboardSection>
  );
}
