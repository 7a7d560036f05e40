import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { ALIGN_CLASS, type ListColumn, type ListSort } from './list-columns';
import type { SearchParams } from './list-href';
import { SortHeader } from './sort-header';

export type ListTableProps<Row> = {
  /** What the table lists ("Clients"): its caption, read by screen readers, with the order it is in. */
  label: string;
  columns: readonly ListColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows (a ListEmpty, usually). */
  empty: ReactNode;
  /** The order the rows are in, and the list's URL, for the sortable headers' links. */
  sort?: { current: ListSort; path: string; search: SearchParams };
  /** Framed: a card of its own. Unframed: a table inside a card that is already there. */
  framed?: boolean;
};

/**
 * A list page's table, rendered on the server: the operation has sorted and paged the rows, and every control
 * (sort headers here, the pagers beside it) is a plain link that changes the URL, so no table code reaches the
 * browser.
 */
export async function ListTable<Row>({ label, columns, rows, rowKey, empty, sort, framed = true }: ListTableProps<Row>) {
  if (rows.length === 0) return <>{empty}</>;
  const t = await getTranslations('listTable');
  const sorted = sort ? columns.find((column) => column.sortKey === sort.current.key) : undefined;
  const caption =
    sort && sorted ? t('caption', { label, column: sorted.header, direction: t(sort.current.dir === 'asc' ? 'ascending' : 'descending') }) : label;
  const pad = framed ? 'p-2' : 'py-2 pr-3 last:pr-0';
  const headClass = (column: ListColumn<Row>) => `${pad} ${ALIGN_CLASS[column.align ?? 'left']} font-medium`;
  const cellClass = (column: ListColumn<Row>) => [pad, ALIGN_CLASS[column.align ?? 'left'], column.className].filter(Boolean).join(' ');

  const table = (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          {columns.map((column) => {
            const className = headClass(column);
            return sort && column.sortKey ? (
              <SortHeader key={column.key} header={column.header} sortKey={column.sortKey} firstDir={column.firstDir} sort={sort.current} path={sort.path} search={sort.search} className={className} />
            ) : (
              <th key={column.key} scope="col" className={className}>
                {column.header}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-slate-100 align-baseline last:border-0 hover:bg-slate-50">
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.key} scope="row" className={`${cellClass(column)} font-normal`}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={cellClass(column)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return framed ? <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">{table}</div> : table;
}
