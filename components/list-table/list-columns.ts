import type { ReactNode } from 'react';
import type { SortDirection } from '@/lib/server/list-query';

export type ColumnAlign = 'left' | 'right' | 'center';

export type ListColumn<Row> = {
  /** Unique within the table; the React key of the column's cells. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The `sort` value the list operation knows this column by; without it the header is not a link. */
  sortKey?: string;
  /** The direction a first click on the header sorts in (dates read best newest first). Default asc. */
  firstDir?: SortDirection;
  align?: ColumnAlign;
  /** Added to the column's data cells (the header keeps the header style; `align` applies to both). */
  className?: string;
  /** The cell that names the row (its link, say): rendered as a row header for screen readers. */
  rowHeader?: boolean;
};

/** The order the list is in: which sort key, which way. */
export type ListSort = { key: string; dir: SortDirection };

export const ALIGN_CLASS: Record<ColumnAlign, string> = { left: 'text-left', right: 'text-right', center: 'text-center' };
