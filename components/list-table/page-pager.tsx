import { getFormatter, getTranslations } from 'next-intl/server';
import { listHref, type SearchParams } from './list-href';
import { PagerLink } from './pager-link';

/**
 * Previous and next page of a list paged by number, with where the reader is ("Page 2 of 7") and how many rows
 * there are in all (`totalLabel`, in the list's own words: "312 clients"). Sort and filters are kept.
 */
export async function PagePager({
  page,
  pageCount,
  totalLabel,
  path,
  search,
}: {
  page: number;
  pageCount: number;
  totalLabel: string;
  path: string;
  search: SearchParams;
}) {
  const [t, format] = await Promise.all([getTranslations('listTable'), getFormatter()]);
  // Page 1 has no `page` param, so the list has one URL.
  const to = (target: number) => listHref(path, search, { page: target > 1 ? target : undefined });
  return (
    <nav aria-label={t('pages')} className="flex flex-wrap items-center gap-2 text-sm">
      <PagerLink href={page > 1 ? to(Math.min(page - 1, pageCount)) : null} label={t('previous')} rel="prev" />
      <span className="px-2 text-slate-700">{t('pageOf', { page: format.number(page), pages: format.number(pageCount) })}</span>
      <PagerLink href={page < pageCount ? to(page + 1) : null} label={t('next')} rel="next" />
      <span className="ml-auto text-slate-600">{totalLabel}</span>
    </nav>
  );
}
