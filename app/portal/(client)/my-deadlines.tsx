import { getTranslations } from 'next-intl/server';
import { fromDbDate, type PlainDate } from '@/lib/dates';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { PortalOverview } from '@/lib/server/portal/get-portal-overview';
import { dateFormatter } from '@/lib/format/date-formatter';
import { plainDateFormatter } from './plain-dates';

/** "What I must do": the dates the law sets for the client (never the advisor's own), soonest first. */
export async function MyDeadlines({ cases, locale, today }: { cases: PortalOverview['cases']; locale: AppLocale; today: PlainDate }) {
  const t = await getTranslations('portalCase.todo');
  const date = await plainDateFormatter();
  const items = cases
    .flatMap((kase) => kase.deadlines.map((deadline) => ({ ...deadline, kase })))
    .sort((a, b) => new Date(a.dueOn).getTime() - new Date(b.dueOn).getTime());
  return (
    <section aria-labelledby="todo-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="todo-heading" className="text-lg font-semibold">{t('heading')}</h2>
      {items.length === 0 ? <p className="text-slate-700">{t('nothing')}</p> : null}
      <ul className="space-y-3">
        {items.map((item) => {
          const overdue = fromDbDate(new Date(item.dueOn)) < today;
          return (
            <li key={item.id} data-testid={`todo-${item.kind}`} className={`space-y-1 rounded-md border p-3 ${overdue ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{ruleLabel(locale, `deadline.${item.kind}`)}</span>
                {overdue ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t('overdue')}</span> : null}
              </div>
              <p data-testid="todo-when" className="font-semibold text-slate-900">
                {item.opensOn ? t('window', { from: date(item.opensOn), until: date(item.dueOn) }) : t('dueOn', { date: date(item.dueOn) })}
              </p>
              {overdue ? <p className="text-sm text-red-900">{t('overdueHelp')}</p> : <p className="text-sm text-slate-600">{dateFormatter(locale).relative(new Date(item.dueOn), today)}</p>}
              <p className="text-xs text-slate-600">{ruleLabel(locale, `procedure.${item.kase.procedure}`)} · <span className="whitespace-nowrap">{item.kase.reference}</span></p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
