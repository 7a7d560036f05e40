/** Search params as Next hands them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Changes to a list's URL: a value sets the param, `undefined` removes it. */
export type ParamChanges = Record<string, string | number | undefined>;

/**
 * The list at `path` with the page's own search params (filters, tabs, search) kept and `changes` applied.
 * Repeated params stay repeated; a blank one is left out.
 */
export function listHref(path: string, search: SearchParams, changes: ParamChanges = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (key in changes) continue;
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== '') params.append(key, one);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Where a list starts again: sorting or filtering anew puts the reader back on the first page. */
export const RESTART: ParamChanges = { page: undefined, cursor: undefined };
