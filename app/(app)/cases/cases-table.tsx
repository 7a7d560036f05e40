import { createTable, flexRender, getCoreRowModel, type TableState, type VisibilityState } from '@tanstack/react-table';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { brusselsDate } from '@/lib/dates';
import type { AppLocale } from '@/lib/i18n/config';
import type { CaseListRow } from '@/lib/server/case/case-list-sql';
import { defaultDirection, type CasesQuery } from '@/lib/server/case/cases-query';
import { caseColumns } from './case-columns';
import { casesHref, SORT_KEY_OF, TABLE_COLUMNS, type TableColumn } from './table-view';

// useReactTable is a hook, and hooks do not run in server components. Its core, createTable, is a plain
// function: given the state it computes headers, visible columns and rows without React. All the table's state
// (sort, page, columns) is in the URL and the server did the sorting and paging, so the table is built here
// with that state fixed and rendered as HTML; the browser downloads no table code and no row data twice.

export async function CasesTable({ rows, query, columns, pageCount }: { rows: CaseListRow[]; query: CasesQuery; columns: TableColumn[]; pageCount: number }) {
  const [t, locale] = await Promise.all([getTranslations('casesTable'), getLocale()]);
  const today = brusselsDate();
  const columnVisibility: VisibilityState = Object.fromEntries(TABLE_COLUMNS.map((column) => [column, columns.includes(column)]));
  const sortedColumn = (Object.entries(SORT_KEY_OF) as [TableColumn, string][]).find(([, key]) => key === query.sort)?.[0] ?? 'nextDeadlineOn';

  const table = createTable<CaseListRow>({
    data: rows,
    columns: caseColumns({ t, locale: locale as AppLocale, today }),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  const state: Partial<TableState> = { columnVisibility, sorting: [{ id: sortedColumn, desc: query.dir === 'desc' }] };
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...state } }));

  const sortedLabel = t(`columns.${sortedColumn}`);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* Cell spacing is set once here rather than on each of the up to 1,200 cells: a page's HTML and its RSC
          payload both repeat every class attribute, and they are most of what the server writes. */}
      <table className="w-full text-sm [&_tbody_td]:px-3 [&_tbody_td]:py-2 [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100 [&_tbody_tr]:align-top [&_tbody_tr:last-child]:border-0">
        <caption className="px-3 pt-3 text-left text-sm text-slate-600">
          {t('caption', { column: sortedLabel, direction: t(query.dir === 'asc' ? 'ascending' : 'descending'), page: query.page, pages: pageCount })}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 text-left text-slate-700">
              {group.headers.map((header) => {
                const column = header.column.id as TableColumn;
                const sortKey = SORT_KEY_OF[column];
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                // Clicking the sorted column flips it; another column starts in its natural direction, on page 1.
                const dir = sorted ? (sorted === 'asc' ? 'desc' : 'asc') : sortKey ? defaultDirection(sortKey) : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className="whitespace-nowrap px-3 py-2 font-medium"
                  >
                    {sortKey && dir ? (
                      <Link href={casesHref(query, columns, { sort: sortKey, dir, page: 1 })} prefetch={false} className="inline-flex items-center gap-1 hover:text-brand-700 hover:underline">
                        {label}
                        <span aria-hidden="true" className="text-xs text-slate-500">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const overdue = row.original.nextDeadlineOn !== null && row.original.nextDeadlineOn < today;
            return (
              <tr key={row.id} className={overdue ? 'bg-red-50/60' : 'hover:bg-slate-50'}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'reference' ? (
                    <th key={cell.id} scope="row" className="whitespace-nowrap text-left font-normal">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
