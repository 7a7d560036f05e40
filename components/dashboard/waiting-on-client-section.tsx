import { Inbox } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { WaitingCase } from '@/lib/server/dashboard/list-cases-waiting-on-client';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';

/** Cases blocked on documents from the client, the longest wait first. */
export async function WaitingOnClientSection({ waiting }: { waiting: { items: WaitingCase[]; total: number } }) {
  const t = await getTranslations('dashboard.waiting');
  const dates = await getDateFormatter();
  return (
    <DashboardSection id="waiting" title={t('heading')} intro={t('intro')}>
      {waiting.items.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {waiting.items.map((item) => (
            <li key={item.caseId} className="py-2">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/cases/${item.caseId}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  {item.reference}
                </Link>
                <span>{item.clientName}</span>
              </div>
              <div className="text-slate-600">
                {[
                  item.requested ? t('requested', { count: item.requested }) : null,
                  item.rejected ? t('rejected', { count: item.rejected }) : null,
                  item.waitingSince ? t('since', { date: dates.instantDate(item.waitingSince) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact icon={Inbox} title={t('empty')} />
      )}
      {waiting.total > waiting.items.length ? <p className="mt-2 text-sm text-slate-600">{t('shown', { shown: waiting.items.length, total: waiting.total })}</p> : null}
    </DashboardSection>
  );
}
