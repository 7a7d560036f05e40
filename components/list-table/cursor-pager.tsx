import { getTranslations } from 'next-intl/server';
import { listHref, type SearchParams } from './list-href';
import { PagerLink } from './pager-link';

/**
 * Paging through an append-only log, newest first: "older" continues after the last row shown (`nextCursor`,
 * from the list operation), "newest" goes back to the top. The page's filters and tabs are kept. The labels
 * default to the generic ones; a list may name its rows ("Older emails").
 */
export async function CursorPager({
  nextCursor,
  path,
  search,
  labels = {},
}: {
  nextCursor: string | null;
  path: string;
  search: SearchParams;
  labels?: { newest?: string; older?: string };
}) {
  const t = await getTranslations('listTable');
  const onFirstPage = !search.cursor;
  if (onFirstPage && !nextCursor) return null;
  return (
    <nav aria-label={t('pages')} className="flex flex-wrap items-center gap-2 text-sm">
      <PagerLink href={onFirstPage ? null : listHref(path, search, { cursor: undefined })} label={labels.newest ?? t('newest')} />
      <PagerLink href={nextCursor ? listHref(path, search, { cursor: nextCursor }) : null} label={labels.older ?? t('older')} rel="next" />
    </nav>
  );
}
