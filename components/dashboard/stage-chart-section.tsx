import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseStage } from '@/lib/rules/vocabulary';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { CASE_STAGES } from '@/lib/rules/vocabulary';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';
import { DashboardSection } from './dashboard-section';

type Counts = Partial<Record<CaseStage, number>>;

/**
 * One horizontal bar per stage, in the order a case lives through them. The bars are decoration (aria-hidden):
 * every row also says the stage and its number in text, and the same figures are offered as a table.
 */
function StageBars({ id, title, counts, locale, totalLabel }: { id: string; title: string; counts: Counts; locale: AppLocale; totalLabel: string }) {
  const max = Math.max(1, ...CASE_STAGES.map((stage) => counts[stage] ?? 0));
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2">
      <figcaption id={`${id}-caption`} className="font-medium">
        {title} <span className="text-sm font-normal text-slate-600">· {totalLabel}</span>
      </figcaption>
      <ul className="space-y-1">
        {CASE_STAGES.map((stage) => {
          const value = counts[stage] ?? 0;
          return (
            <li key={stage} className="grid grid-cols-[minmax(8rem,11rem)_1fr_3.5rem] items-center gap-2 text-sm">
              <span>{ruleLabel(locale, `stage.${stage}`)}</span>
              <span aria-hidden="true" className="h-3 rounded bg-slate-100">
                <span className="block h-3 rounded bg-brand-600" style={{ width: `${(value / max) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">{value}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export async function StageChartSection({ stages }: { stages: { mine: Counts; firm: Counts } }) {
  const t = await getTranslations('dashboard.chart');
  const tt = await getTranslations('dashboard');
  const locale = (await getLocale()) as AppLocale;
  const total = (counts: Counts) => Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <DashboardSection id="stages" title={t('heading')}>
      <div className="grid gap-8 md:grid-cols-2">
        <StageBars id="stages-mine" title={t('mine')} counts={stages.mine} locale={locale} totalLabel={t('total', { count: total(stages.mine) })} />
        <StageBars id="stages-firm" title={t('firm')} counts={stages.firm} locale={locale} totalLabel={t('total', { count: total(stages.firm) })} />
      </div>
      <Collapsible className="mt-4 text-sm">
        <CollapsibleTrigger className="font-normal text-brand-700">{t('showTable')}</CollapsibleTrigger>
        <CollapsibleContent asChild>
        <table className="mt-2 w-full">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 font-medium">{tt('stage')}</th>
              <th scope="col" className="py-2 text-right font-medium">{tt('mine')}</th>
              <th scope="col" className="py-2 text-right font-medium">{tt('firm')}</th>
            </tr>
          </thead>
          <tbody>
            {CASE_STAGES.map((stage) => (
              <tr key={stage} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 text-left font-normal">{ruleLabel(locale, `stage.${stage}`)}</th>
                <td className="py-1.5 text-right tabular-nums">{stages.mine[stage] ?? 0}</td>
                <td className="py-1.5 text-right tabular-nums">{stages.firm[stage] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </CollapsibleContent>
      </Collapsible>
    </DashboardSection>
  );
}
