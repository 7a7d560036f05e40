import { History } from 'lucide-react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { ActivityEntry } from '@/lib/server/dashboard/list-recent-activity';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';

const PLAIN_TYPES = ['CREATED', 'FACTS_CHANGED', 'NOTE', 'DOCUMENT', 'MESSAGE'] as const;

/** The firm's latest case events: what happened, on which case, by whom and when. */
export async function RecentActivitySection({ activity }: { activity: ActivityEntry[] }) {
  const t = await getTranslations('dashboard.activity');
  const locale = (await getLocale()) as AppLocale;
  const dates = await getDateFormatter();

  const describe = (entry: ActivityEntry): string => {
    if (entry.type === 'TRANSITION' && entry.toStage) return t('TRANSITION', { stage: ruleLabel(locale, `stage.${entry.toStage}`) });
    if (entry.type === 'TASK' && entry.taskAction) return t(entry.taskAction === 'created' ? 'taskCreated' : 'taskCompleted', { title: entry.taskTitle ?? '' });
    const plain = PLAIN_TYPES.find((type) => type === entry.type);
    return plain ? t(plain) : t('other');
  };

  return (
    <DashboardSection id="activity" title={t('heading')}>
      {activity.length ? (
        <ol className="divide-y divide-slate-100 text-sm">
          {activity.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline gap-x-2 py-2">
              <time dateTime={entry.occurredAt} className="w-36 shrink-0 text-slate-600 tabular-nums">
                {entry.occurredOn ? dates.short(entry.occurredOn) : dates.dateTimeShort(entry.occurredAt)}
              </time>
              <span className="font-medium">{describe(entry)}</span>
              <span>
                <Link href={`/cases/${entry.caseId}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  {entry.reference}
                </Link>{' '}
                · {entry.clientName}
              </span>
              <span className="text-slate-600">{entry.actorName ? t('by', { name: entry.actorName }) : t('bySystem')}</span>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState compact icon={History} title={t('empty')} />
      )}
    </DashboardSection>
  );
}
