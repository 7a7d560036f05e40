import { getTranslations } from 'next-intl/server';
import { fromDbDate } from '@/lib/dates';
import { dateFormatter } from '@/lib/format/date-formatter';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { daysBetween } from '@/lib/rules/plain-date';

type DeadlineRow = { id: string; kind: string; dueOn: Date; opensOn: Date | null; basis: string; confidence: 'H' | 'M' | 'L'; actor: 'CLIENT' | 'ADVISOR'; disputed: boolean; status: string };

/** The legal deadlines with their basis and confidence: what a lawyer checks before relying on a date. */
export async function DeadlinesTable({ deadlines, today, locale }: { deadlines: DeadlineRow[]; today: string; locale: AppLocale }) {
  const t = await getTranslations('caseView');
  const dates = dateFormatter(locale);
  if (deadlines.length === 0) return <p className="text-sm text-slate-600">{t('noDeadlines')}</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t('deadlines')}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-2 font-medium">{t('kind')}</th>
          <th scope="col" className="hidden py-2 pr-2 font-medium sm:table-cell">{t('opens')}</th>
          <th scope="col" className="py-2 pr-2 font-medium">{t('due')}</th>
          <th scope="col" className="py-2 pr-2 font-medium">{t('who')}</th>
          <th scope="col" className="hidden py-2 pr-2 font-medium sm:table-cell">{t('basis')}</th>
          <th scope="col" className="hidden py-2 font-medium sm:table-cell">{t('confidence')}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((deadline) => {
          const due = fromDbDate(deadline.dueOn);
          const days = daysBetween(today, due);
          const done = deadline.status === 'DONE';
          const when = done ? t('done') : days < 0 ? t('overdue', { days: -days }) : dates.relative(due, today);
          return (
            <tr key={deadline.id} data-testid={`deadline-${deadline.kind}`} className={`border-b border-slate-100 align-top last:border-0 ${done ? 'text-slate-500' : ''}`}>
              <th scope="row" className="py-2 pr-2 text-left font-medium">
                {ruleLabel(locale, `deadline.${deadline.kind}` as 'deadline.APPEAL')}
                {/* a phone has no room for the basis and confidence columns: they fold in here */}
                <span className="mt-1 block text-xs font-normal text-slate-700 sm:hidden">
                  {deadline.basis} · {ruleLabel(locale, `confidence.${deadline.confidence}`)}
                </span>
              </th>
              <td className="hidden py-2 pr-2 tabular-nums sm:table-cell">{deadline.opensOn ? <time dateTime={fromDbDate(deadline.opensOn)}>{dates.long(deadline.opensOn)}</time> : ''}</td>
              <td className="py-2 pr-2">
                <time dateTime={due} className="tabular-nums sm:whitespace-nowrap" data-testid="due">{dates.long(due)}</time>
                <span className={`block text-xs ${!done && days < 0 ? 'font-semibold text-red-800' : 'text-slate-600'}`}>{when}</span>
              </td>
              <td className="py-2 pr-2">{ruleLabel(locale, `actor.${deadline.actor}`)}</td>
              <td className="hidden py-2 pr-2 text-xs text-slate-700 sm:table-cell">
                {deadline.basis}
                {deadline.disputed ? <span className="mt-1 block font-medium text-amber-800">{t('disputed')}</span> : null}
              </td>
              <td className="hidden py-2 sm:table-cell">{ruleLabel(locale, `confidence.${deadline.confidence}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
