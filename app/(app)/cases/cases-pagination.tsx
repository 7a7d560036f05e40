import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { CasesQuery } from '@/lib/server/case/cases-query';
import { casesHref, type TableColumn } from './table-view';

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-slate-100';
const offClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-slate-500';

/** Page links; sort, filters and columns are kept. */
export async function CasesPagination({ query, columns, total, pageCount, shown }: { query: CasesQuery; columns: TableColumn[]; total: number; pageCount: number; shown: number }) {
  const [t, format] = await Promise.all([getTranslations('casesTable.pagination'), getFormatter()]);
  const from = (query.page - 1) * query.pageSize + 1;
  const step = (label: string, page: number, enabled: boolean) =>
    enabled ? (
      <Link href={casesHref(query, columns, { page })} prefetch={false} className={linkClass}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={offClass}>
        {label}
      </span>
    );
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      {step(t('first'), 1, query.page > 1)}
      {step(t('previous'), Math.min(query.page - 1, pageCount), query.page > 1)}
      <span className="px-2 text-slate-700">
        {t('status', { page: format.number(query.page), pages: format.number(pageCount) })}
      </span>
      {step(t('next'), query.page + 1, query.page < pageCount)}
      {step(t('last'), pageCount, query.page < pageCount)}
      {shown > 0 ? (
        <span className="ml-auto text-slate-600">
          {t('range', { from: format.number(from), to: format.number(from + shown - 1), total: format.number(total) })}
        </span>
      ) : null}
    </nav>
  );
}
