import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { CARD_TYPES, CASE_STAGES, PROCEDURES } from '@/lib/rules/vocabulary';
import type { CaseAdvisorOption } from '@/lib/server/case/list-case-advisors';
import type { CasesQuery } from '@/lib/server/case/cases-query';
import { CleanGetForm } from './clean-get-form';
import { StageFilter } from './stage-filter';
import { casesHref, viewParams, type TableColumn } from './table-view';
import { DateInput } from '@/components/form/date-input';

const input = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5';

const NO_FILTER = { q: undefined, stage: undefined, procedure: undefined, card: undefined, advisor: undefined, commune: undefined, from: undefined, to: undefined };

/** The filter form writes search params: the URL is the saved filter. Sort, page size and columns ride along. */
export async function CasesFilters({ query, columns, advisors }: { query: CasesQuery; columns: TableColumn[]; advisors: CaseAdvisorOption[] }) {
  const [t, locale] = await Promise.all([getTranslations('casesTable'), getLocale() as Promise<AppLocale>]);
  // Changing a filter goes back to page 1; what else the view says is kept.
  const kept = [...viewParams({ ...query, ...NO_FILTER }, columns, { page: 1 }).entries()];
  return (
    // Keyed by the view: the fields are uncontrolled, so following a link (clear filters, a sort) must remount
    // them with the new URL's values instead of keeping what was last typed.
    <CleanGetForm
      key={viewParams(query, columns).toString()}
      action="/cases"
      label={t('filters.heading')}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="cases-q" className="block font-medium">
            {t('filters.search')}
          </label>
          <input id="cases-q" type="search" name="q" defaultValue={query.q ?? ''} aria-describedby="cases-q-hint" className={input} />
          <p id="cases-q-hint" className="text-xs text-slate-600">
            {t('filters.searchHint')}
          </p>
        </div>
        <StageFilter stages={CASE_STAGES.map((stage) => ({ value: stage, label: ruleLabel(locale, `stage.${stage}`) }))} defaultChosen={query.stage ?? []} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.procedure')}</span>
          <select name="procedure" defaultValue={query.procedure ?? ''} className={input}>
            <option value="">{t('filters.any')}</option>
            {PROCEDURES.map((procedure) => (
              <option key={procedure} value={procedure}>
                {ruleLabel(locale, `procedure.${procedure}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.card')}</span>
          <select name="card" defaultValue={query.card ?? ''} className={input}>
            <option value="">{t('filters.any')}</option>
            {CARD_TYPES.map((card) => (
              <option key={card} value={card}>
                {ruleLabel(locale, `card.${card}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.advisor')}</span>
          <select name="advisor" defaultValue={query.advisor ?? ''} className={input}>
            <option value="">{t('filters.any')}</option>
            <option value="me">{t('filters.me')}</option>
            <option value="none">{t('filters.unassigned')}</option>
            {advisors.map((advisor) => (
              <option key={advisor.userId} value={advisor.userId}>
                {advisor.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.commune')}</span>
          <input name="commune" defaultValue={query.commune ?? ''} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.deadlineFrom')}</span>
          <DateInput name="from" defaultValue={query.from ?? ''} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('filters.deadlineTo')}</span>
          <DateInput name="to" defaultValue={query.to ?? ''} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">
          {t('filters.apply')}
        </button>
        <Link href={casesHref({ ...query, ...NO_FILTER, page: 1 }, columns)} className="py-1.5 text-brand-700 underline">
          {t('filters.clear')}
        </Link>
      </div>
    </CleanGetForm>
  );
}
