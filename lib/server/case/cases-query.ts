import { z } from 'zod';
import { isPlainDate } from '@/lib/rules/plain-date';
import { typedDateToPlain } from '@/lib/rules/typed-date';
import { CARD_TYPES, CASE_STAGES, PROCEDURES } from '@/lib/rules/vocabulary';

// The cases table's URL, as one schema: the page, the CSV export and the benchmark all read it. A saved
// filter is just this URL, so a link must keep opening after the vocabulary or the page changes: values the
// schema does not understand (an unknown stage, page=abc, pageSize=7) are dropped or fall back to the default,
// never an error. Only input that is not a set of parameters at all is refused (VALIDATION).

export const CASE_SORT_KEYS = ['reference', 'client', 'stage', 'procedure', 'nextDeadlineOn', 'updatedAt'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const DEFAULT_SORT: CaseSortKey = 'nextDeadlineOn';
/** The most recently touched cases first; every other column reads naturally from the top. */
export const defaultDirection = (sort: CaseSortKey): SortDirection => (sort === 'updatedAt' ? 'desc' : 'asc');

// An OFFSET past this is nobody's reading; the cap keeps a hand-edited URL from asking Postgres to skip 10^12 rows.
export const MAX_PAGE = 10_000;
const MAX_SEARCH = 200;
const MAX_COMMUNE = 100;

/** Repeated single-valued parameters (`?sort=a&sort=b`): the first one wins. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const single = (value: unknown) => blank(first(value));

const text = (max: number) =>
  z.preprocess(
    single,
    z
      .string()
      .transform((value) => value.trim().replace(/\s+/g, ' ').slice(0, max))
      .optional(),
  ).catch(undefined);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(single, z.enum(values).optional()).catch(undefined);

// Strictly a calendar day: 2026-02-30 would pass a Date.parse check and then fail in Postgres. The filter's
// fields are typed day first (07/12/2026); the query keeps the ISO form either way.
const plainDate = z.preprocess((value) => typedDateToPlain(single(value)), z.string().refine(isPlainDate).optional()).catch(undefined);

/** Several values, as repeated parameters (`stage=A&stage=B`, what a form sends) or comma-separated. */
const stageList = z
  .preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []),
    z.array(z.unknown()).transform((values) => {
      const wanted = new Set(values.flatMap((value) => (typeof value === 'string' ? value.split(',') : [])).map((value) => value.trim()));
      // Kept in the vocabulary's order, so one filter has one URL whatever order it was ticked in.
      const stages = CASE_STAGES.filter((stage) => wanted.has(stage));
      return stages.length > 0 ? stages : undefined;
    }),
  )
  .catch(undefined);

// 'me' is resolved to the person asking, so "my cases" is one link that works for everyone; 'none' is unassigned.
const advisor = z.preprocess(single, z.union([z.literal('me'), z.literal('none'), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]).optional()).catch(undefined);

export const ZCasesQuery = z
  .object({
    q: text(MAX_SEARCH),
    stage: stageList,
    procedure: oneOf(PROCEDURES),
    card: oneOf(CARD_TYPES),
    advisor,
    commune: text(MAX_COMMUNE),
    // The next deadline's calendar date, both ends inclusive.
    from: plainDate,
    to: plainDate,
    sort: z.preprocess(single, z.enum(CASE_SORT_KEYS)).catch(DEFAULT_SORT),
    dir: oneOf(['asc', 'desc'] as const),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    pageSize: z.preprocess(first, z.coerce.number().pipe(z.union(PAGE_SIZES.map((size) => z.literal(size))))).catch(PAGE_SIZES[0]),
  })
  .transform((query) => ({ ...query, dir: query.dir ?? defaultDirection(query.sort) }));

export type CasesQuery = z.output<typeof ZCasesQuery>;
/** What narrows the list: everything but sort and paging. */
export type CasesFilter = Pick<CasesQuery, 'q' | 'stage' | 'procedure' | 'card' | 'advisor' | 'commune' | 'from' | 'to'>;

/** Search params as Next hands them to a page, or as a URLSearchParams in a route handler. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function searchParamsRecord(params: RawSearchParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

/**
 * The canonical search params of a query: defaults left out, stages comma-joined, keys in a fixed order.
 * Links, the export URL and "copy link" all go through here, so one view always has one URL.
 */
export function casesSearchParams(query: CasesQuery, overrides: Partial<CasesQuery> = {}): URLSearchParams {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', merged.q);
  put('stage', merged.stage?.join(','));
  put('procedure', merged.procedure);
  put('card', merged.card);
  put('advisor', merged.advisor);
  put('commune', merged.commune);
  put('from', merged.from);
  put('to', merged.to);
  if (merged.sort !== DEFAULT_SORT) put('sort', merged.sort);
  if (merged.dir !== defaultDirection(merged.sort)) put('dir', merged.dir);
  if (merged.page !== 1) put('page', merged.page);
  if (merged.pageSize !== PAGE_SIZES[0]) put('pageSize', merged.pageSize);
  return params;
}

/** The filter part alone, as stored in the export's audit row. */
export function filterOf(query: CasesQuery): CasesFilter {
  const { q, stage, procedure, card, advisor, commune, from, to } = query;
  return { q, stage, procedure, card, advisor, commune, from, to };
}

export function hasFilter(query: CasesQuery): boolean {
  return Object.values(filterOf(query)).some((value) => value !== undefined);
}
