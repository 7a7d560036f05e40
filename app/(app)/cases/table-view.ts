import { casesSearchParams, type CaseSortKey, type CasesQuery } from '@/lib/server/case/cases-query';

// What the table shows and the links that change it. The view lives in the URL next to the filters
// (`cols=`), so a copied link brings back the same columns as well as the same cases.

export const TABLE_COLUMNS = [
  'reference',
  'client',
  'procedure',
  'stage',
  'cardType',
  'cardValidUntil',
  'nextDeadlineOn',
  'advisor',
  'commune',
  'dvzFileNumber',
  'rvvRollNumber',
  'updatedAt',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly TableColumn[] = ['reference', 'client', 'procedure', 'stage', 'nextDeadlineOn', 'advisor', 'updatedAt'];

/** Columns whose header sorts the table, and by which key. */
export const SORT_KEY_OF: Partial<Record<TableColumn, CaseSortKey>> = {
  reference: 'reference',
  client: 'client',
  procedure: 'procedure',
  stage: 'stage',
  nextDeadlineOn: 'nextDeadlineOn',
  updatedAt: 'updatedAt',
};

const isColumn = (value: string): value is TableColumn => (TABLE_COLUMNS as readonly string[]).includes(value);

/** `cols` as repeated parameters (the column form) or comma-separated (links); unknown names are dropped. */
export function parseColumns(raw: string | string[] | undefined): TableColumn[] {
  const wanted = new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((value) => value.split(',')).filter(isColumn));
  // The reference is the row's link to its case, so it is always there.
  if (wanted.size === 0 || (wanted.size === 1 && wanted.has('reference'))) return [...DEFAULT_COLUMNS];
  return TABLE_COLUMNS.filter((column) => column === 'reference' || wanted.has(column));
}

function sameColumns(a: readonly TableColumn[], b: readonly TableColumn[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

/** The view's search params: the query's, plus `cols` when the columns are not the default ones. */
export function viewParams(query: CasesQuery, columns: readonly TableColumn[], overrides: Partial<CasesQuery> = {}): URLSearchParams {
  const params = casesSearchParams(query, overrides);
  if (!sameColumns(columns, DEFAULT_COLUMNS)) params.set('cols', columns.join(','));
  return params;
}

/** The cases URL for this query and these columns; defaults are left out, so one view has one URL. */
export function casesHref(query: CasesQuery, columns: readonly TableColumn[], overrides: Partial<CasesQuery> = {}, path = '/cases'): string {
  const search = viewParams(query, columns, overrides).toString();
  return search ? `${path}?${search}` : path;
}
