import { z } from 'zod';
import { isAppError } from '@/lib/errors';

// The parts every server-rendered list reads from its URL: `sort`, `dir` and `page`. Unlike the cases table
// (whose saved links must keep opening, so it drops what it does not understand), these operations refuse
// input they do not understand with VALIDATION; the page then shows the list in its default order.

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

// An OFFSET past this is nobody's reading; the cap keeps a hand-edited URL from asking Postgres to skip 10^12 rows.
export const MAX_PAGE = 10_000;

/** An empty search param (`?sort=`, what a form with a blank field sends) means "not given". */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** `sort` among `keys` (default `defaultKey`) and `dir`, left undefined so each key can have its own default. */
export function sortFields<const K extends readonly [string, ...string[]]>(keys: K, defaultKey: K[number]) {
  return {
    sort: z.preprocess(blankIsAbsent, z.enum(keys).default(defaultKey)),
    dir: z.preprocess(blankIsAbsent, z.enum(SORT_DIRECTIONS).optional()),
  };
}

export const ZPageNumber = z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(MAX_PAGE).default(1));

export const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/**
 * Reads a list from a page's search params; when the operation refuses some of them (VALIDATION, which names
 * the fields), reads it again without those, so `?sort=bogus&q=peeters` still shows Peeters in the default
 * order. Any other error, or a second refusal, is the caller's.
 */
export async function readListWithDefaults<P extends Record<string, unknown>, T>(params: P, read: (params: Partial<P>) => Promise<T>): Promise<T> {
  try {
    return await read(params);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
    const refused = Object.keys((error.details?.fieldErrors as Record<string, unknown> | undefined) ?? {});
    const kept = refused.includes('_') ? {} : Object.fromEntries(Object.entries(params).filter(([key]) => !refused.includes(key)));
    return read(kept as Partial<P>);
  }
}
