import { Prisma } from '@/lib/generated/prisma/client';
import type { CardType, CaseStage, DeadlineKind, Procedure } from '@/lib/generated/prisma/enums';
import type { PlainDate } from '@/lib/dates';
import { identitySearchHashes } from '@/lib/server/client/identity-numbers';
import { searchable } from '@/lib/server/search-text';
import type { CaseSortKey, CasesFilter, SortDirection } from './cases-query';

// The SQL behind the cases table and its CSV export, shared so that both list exactly the same cases in the
// same order. Hand-written because the table needs what Prisma's query builder cannot say at 100,000 cases:
// a trigram ILIKE, NULLS LAST, and a "deferred join" that sorts and skips bare Case ids before joining the
// client and advisor onto the few rows that are shown (joining first made a deep page cost ~500 ms).
// Every value is a bound parameter; the only raw text comes from the fixed tables below.

const { sql, join, raw, empty } = Prisma;

export type CaseListRow = {
  id: string;
  reference: string;
  client: { firstName: string; lastName: string; fileNumber: string };
  procedure: Procedure;
  stage: CaseStage;
  cardType: CardType | null;
  cardValidUntil: PlainDate | null;
  nextDeadlineOn: PlainDate | null;
  nextDeadlineKind: DeadlineKind | null;
  advisorName: string | null;
  commune: string | null;
  dvzFileNumber: string | null;
  rvvRollNumber: string | null;
  updatedAt: Date;
};

/** One sort column: its expression, how to cast a keyset value back, and whether it can be NULL. */
type SortColumn = { expr: string; cast: string; nullable?: boolean };

// Only nextDeadlineOn is nullable, and it sorts alone; keysetAfter relies on both facts.
const SORTS: Record<CaseSortKey, { columns: SortColumn[]; joinsClient?: boolean }> = {
  reference: { columns: [{ expr: 'c.reference', cast: 'text' }] },
  // Clients by last then first name, the way a lawyer's files are shelved.
  client: { columns: [{ expr: 'cl."lastName"', cast: 'text' }, { expr: 'cl."firstName"', cast: 'text' }], joinsClient: true },
  // Enums sort in their declared order: a case's stages in the order they happen.
  stage: { columns: [{ expr: 'c.stage', cast: '"CaseStage"' }] },
  procedure: { columns: [{ expr: 'c.procedure', cast: '"Procedure"' }] },
  // Cases without a deadline go last in both directions: they are never what someone sorting by deadline wants.
  nextDeadlineOn: { columns: [{ expr: 'c."nextDeadlineOn"', cast: 'date', nullable: true }] },
  updatedAt: { columns: [{ expr: 'c."updatedAt"', cast: 'timestamp(3)' }] },
};

type SortSpec = { sort: CaseSortKey; dir: SortDirection };

const MAX_SEARCH_WORDS = 8;

/** `%` and `_` typed by a person are characters to find, not wildcards. */
const likeContains = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * Each word must appear somewhere in the case's search text (client name, file number, reference, DVZ/OE and
 * RvV/CCE numbers). The stored text is lower-cased; some rows also drop accents, so a word with accents is
 * looked for both ways. ILIKE '%word%' on Case.searchText uses its pg_trgm GIN index. A search that is a whole
 * national register or passport number also finds the cases of the client holding it, by the number's keyed
 * hash (the numbers are stored sealed, never in searchText).
 */
function searchConditions(firmId: string, q: string | undefined): Prisma.Sql[] {
  if (!q) return [];
  const words = [...new Set(q.split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
  const byWords = words.map((word) => {
    const variants = [...new Set([word.toLowerCase(), searchable(word)])].filter(Boolean);
    return sql`(${join(
      variants.map((variant) => sql`c."searchText" ILIKE ${likeContains(variant)}`),
      ' OR ',
    )})`;
  });
  const hashes = identitySearchHashes(firmId, q);
  const byNumber = [
    ...(hashes.nationalRegisterNumberHash ? [sql`n."nationalRegisterNumberHash" = ${hashes.nationalRegisterNumberHash}`] : []),
    ...(hashes.passportNumberHash ? [sql`n."passportNumberHash" = ${hashes.passportNumberHash}`] : []),
  ];
  if (!byNumber.length || !byWords.length) return byWords;
  const holders = sql`SELECT n.id FROM "Client" n WHERE n."firmId" = ${firmId} AND (${join(byNumber, ' OR ')})`;
  return [sql`((${join(byWords, ' AND ')}) OR c."clientId" IN (${holders}))`];
}

/** The WHERE clause: the firm and "not deleted" always, then every filter given. `c` is the Case alias. */
export function caseWhere(scope: { firmId: string; userId: string }, filter: CasesFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [sql`c."firmId" = ${scope.firmId}`, sql`c."deletedAt" IS NULL`];
  // One stage as an equality: the planner can then read Case_live_stage_deadline_idx in the page's order and
  // stop after 25 rows (52 -> a few ms for 8,333 refused cases); with = ANY of a parameter it must sort them all.
  if (filter.stage?.length === 1) parts.push(sql`c.stage = ${filter.stage[0]}::"CaseStage"`);
  else if (filter.stage) parts.push(sql`c.stage = ANY(${filter.stage}::"CaseStage"[])`);
  if (filter.procedure) parts.push(sql`c.procedure = ${filter.procedure}::"Procedure"`);
  if (filter.card) parts.push(sql`c."cardType" = ${filter.card}::"CardType"`);
  if (filter.advisor === 'none') parts.push(sql`c."assignedToId" IS NULL`);
  else if (filter.advisor) parts.push(sql`c."assignedToId" = ${filter.advisor === 'me' ? scope.userId : filter.advisor}`);
  if (filter.commune) {
    parts.push(sql`EXISTS (SELECT 1 FROM "Client" fc WHERE fc.id = c."clientId" AND fc."firmId" = ${scope.firmId} AND fc.commune ILIKE ${likeContains(filter.commune)})`);
  }
  if (filter.from) parts.push(sql`c."nextDeadlineOn" >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`c."nextDeadlineOn" <= ${filter.to}::date`);
  parts.push(...searchConditions(scope.firmId, filter.q));
  return join(parts, ' AND ');
}

/** ORDER BY over `alias` columns (`c`/`cl` inside, `p.k1..` outside), always ending on the id so ties are stable. */
function orderBy({ sort, dir }: SortSpec, outer: boolean, nulls: 'last' | 'none' = 'last'): Prisma.Sql {
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  const keys = SORTS[sort].columns.map((column, index) => {
    const expr = outer ? `p.k${index + 1}` : column.expr;
    return raw(`${expr} ${direction}${column.nullable && nulls === 'last' ? ' NULLS LAST' : ''}`);
  });
  return join([...keys, raw(`${outer ? 'p.id' : 'c.id'} ${direction}`)], ', ');
}

/**
 * The last row of the previous batch: its sort keys and id. For the nullable sort, `keys: [null]` means the
 * batches have reached the undated cases, and `id: null` that none of them has been read yet.
 */
export type Keyset = { keys: (string | null)[]; id: string | null };

/**
 * "After this row" in the given order, and the ORDER BY that lets Postgres walk an index to it: what lets the
 * export read batch after batch without OFFSET. A nullable key is read in two runs, dated rows then undated
 * ones, because one condition covering both ("later date, or no date") cannot use the index and made every
 * batch rescan the firm.
 */
function keysetAfter(order: SortSpec, after: Keyset): { where: Prisma.Sql; orderBy: Prisma.Sql } {
  const op = raw(order.dir === 'asc' ? '>' : '<');
  const columns = SORTS[order.sort].columns;
  const exprs = columns.map((column) => raw(column.expr));
  const values = columns.map((column, index) => sql`${after.keys[index] ?? null}::${raw(column.cast)}`);
  if (!columns[0]?.nullable) {
    const rowCompare = sql`(${join(exprs, ', ')}, c.id) ${op} (${join(values, ', ')}, ${after.id})`;
    // Sorting by name spans Client and Case; the same bound on the names alone is what the planner can put on
    // the Client (firmId, lastName, firstName) index, instead of joining and sorting the whole firm per batch.
    const namesBound = sql`(${join(exprs, ', ')}) ${raw(order.dir === 'asc' ? '>=' : '<=')} (${join(values, ', ')})`;
    return { where: columns.length > 1 ? sql`${namesBound} AND ${rowCompare}` : rowCompare, orderBy: orderBy(order, false) };
  }
  const expr = exprs[0]!;
  if (after.keys[0] !== null) {
    // Dated rows only: no NULLS clause, so the (firmId, nextDeadlineOn) index serves either direction.
    return { where: sql`${expr} IS NOT NULL AND (${expr}, c.id) ${op} (${values[0]!}, ${after.id})`, orderBy: orderBy(order, false, 'none') };
  }
  const idOrder = raw(`c.id ${order.dir === 'asc' ? 'ASC' : 'DESC'}`);
  return after.id === null
    ? { where: sql`${expr} IS NULL`, orderBy: idOrder }
    : { where: sql`${expr} IS NULL AND c.id ${op} ${after.id}`, orderBy: idOrder };
}

/** Where the next batch starts, or null when `rows` was the last one. */
export function nextKeyset(order: SortSpec, rows: RawCaseRow[], batchSize: number, previous: Keyset | null): Keyset | null {
  const last = rows.at(-1);
  const nullable = SORTS[order.sort].columns[0]?.nullable === true;
  if (last && rows.length === batchSize) {
    return { keys: [last.sortKey1, ...(last.sortKey2 === undefined ? [] : [last.sortKey2])], id: last.id };
  }
  // A short batch ends the list, except a run of dated rows, which the undated ones follow.
  const inDatedRun = previous !== null && previous.keys[0] !== null;
  return nullable && inDatedRun ? { keys: [null], id: null } : null;
}

/** The Case columns a page shows, carried through the ordering pass when no OFFSET makes that wasteful. */
const CARRIED = ['"clientId"', '"assignedToId"', 'reference', 'procedure', 'stage', '"cardType"', '"cardValidUntil"', '"nextDeadlineOn"', '"nextDeadlineKind"', '"dvzFileNumber"', '"rvvRollNumber"', '"updatedAt"'];

/**
 * One page of cases, ordered and cut on Case alone (plus Client when sorting by name); the client and advisor
 * are joined onto just the rows kept. `offset` serves the table's pages; `after` (null for the first) makes it
 * one of the export's keyset batches.
 */
export function casePageSql(input: {
  firmId: string;
  where: Prisma.Sql;
  order: SortSpec;
  limit: number;
  offset?: number;
  after?: Keyset | null;
}): Prisma.Sql {
  const spec = SORTS[input.order.sort];
  const keyColumns = join(
    spec.columns.map((column, index) => raw(`${column.expr} AS k${index + 1}`)),
    ', ',
  );
  const keyOutputs = join(
    spec.columns.map((_, index) => raw(`p.k${index + 1}::text AS "sortKey${index + 1}"`)),
    ', ',
  );
  const clientJoin = spec.joinsClient ? sql`JOIN "Client" cl ON cl.id = c."clientId" AND cl."firmId" = ${input.firmId}` : empty;
  const keyset = input.after ? keysetAfter(input.order, input.after) : null;
  // A page carries only ids and sort keys through the ordering pass (the rows an OFFSET skips, or a sort no
  // index serves, are all produced by it) and fetches its 25 to 100 cases by id afterwards. An export batch
  // takes its columns in that same pass instead: joining 2,000 ids back to Case made Postgres hash the table.
  const deferred = input.after === undefined;
  const x = raw(deferred ? 'c' : 'p');
  return sql`
    WITH p AS MATERIALIZED (
      SELECT c.id, ${keyColumns}${deferred ? empty : sql`, ${raw(CARRIED.map((column) => `c.${column}`).join(', '))}`}
      FROM "Case" c ${clientJoin}
      WHERE ${input.where} ${keyset ? sql`AND ${keyset.where}` : empty}
      ORDER BY ${keyset ? keyset.orderBy : orderBy(input.order, false)}
      LIMIT ${input.limit} OFFSET ${input.offset ?? 0}
    )
    SELECT p.id, ${x}.reference, cl."firstName", cl."lastName", cl."fileNumber", cl.commune, ${x}.procedure::text AS procedure,
      ${x}.stage::text AS stage, ${x}."cardType"::text AS "cardType", to_char(${x}."cardValidUntil", 'YYYY-MM-DD') AS "cardValidUntil",
      to_char(${x}."nextDeadlineOn", 'YYYY-MM-DD') AS "nextDeadlineOn", ${x}."nextDeadlineKind"::text AS "nextDeadlineKind",
      COALESCE(u.name, u.email) AS "advisorName", ${x}."dvzFileNumber", ${x}."rvvRollNumber", ${x}."updatedAt", ${keyOutputs}
    FROM p
    ${deferred ? sql`JOIN "Case" c ON c.id = p.id AND c."firmId" = ${input.firmId}` : empty}
    JOIN "Client" cl ON cl.id = ${x}."clientId" AND cl."firmId" = ${input.firmId}
    LEFT JOIN "User" u ON u.id = ${x}."assignedToId"
    ORDER BY ${orderBy(input.order, true)}`;
}

export function caseCountSql(where: Prisma.Sql): Prisma.Sql {
  return sql`SELECT count(*)::int AS total FROM "Case" c WHERE ${where}`;
}

export type RawCaseRow = Omit<CaseListRow, 'client'> & {
  firstName: string;
  lastName: string;
  fileNumber: string;
  sortKey1: string | null;
  sortKey2?: string | null;
};

export function toCaseListRow(row: RawCaseRow): CaseListRow {
  return {
    id: row.id,
    reference: row.reference,
    client: { firstName: row.firstName, lastName: row.lastName, fileNumber: row.fileNumber },
    procedure: row.procedure,
    stage: row.stage,
    cardType: row.cardType,
    cardValidUntil: row.cardValidUntil,
    nextDeadlineOn: row.nextDeadlineOn,
    nextDeadlineKind: row.nextDeadlineKind,
    advisorName: row.advisorName,
    commune: row.commune,
    dvzFileNumber: row.dvzFileNumber,
    rvvRollNumber: row.rvvRollNumber,
    updatedAt: row.updatedAt,
  };
}
