import Link from 'next/link';
import type { SortDirection } from '@/lib/server/list-query';
import { listHref, RESTART, type SearchParams } from './list-href';
import type { ListSort } from './list-columns';

const flip = (dir: SortDirection): SortDirection => (dir === 'asc' ? 'desc' : 'asc');

/**
 * A sortable column's header: a link that sorts by it (the sorted column flips, another one starts in its first
 * direction), keeping the page's filters and going back to the first page.
 */
export function SortHeader({
  header,
  sortKey,
  firstDir = 'asc',
  sort,
  path,
  search,
  className,
}: {
  header: string;
  sortKey: string;
  firstDir?: SortDirection;
  sort: ListSort;
  path: string;
  search: SearchParams;
  className: string;
}) {
  const active = sort.key === sortKey;
  const dir = active ? flip(sort.dir) : firstDir;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <Link href={listHref(path, search, { ...RESTART, sort: sortKey, dir })} prefetch={false} className="inline-flex items-center gap-1 hover:text-brand-700 hover:underline">
        {header}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}
