import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { parseInput } from '@/lib/server/validate';
import { caseCountSql, casePageSql, caseWhere, toCaseListRow, type CaseListRow, type RawCaseRow } from './case-list-sql';
import { filterOf, searchParamsRecord, ZCasesQuery, type CasesQuery, type RawSearchParams } from './cases-query';

export type CasesPage = {
  rows: CaseListRow[];
  /** Exact number of cases the filter matches, across all pages. */
  total: number;
  pageCount: number;
  /** The query as understood: defaults filled in, unknown values dropped; links are built from it. */
  query: CasesQuery;
};

/**
 * One page of the firm's cases, filtered, sorted and paged in Postgres. The page and the exact count run side
 * by side on two connections: at 100,000 cases an unfiltered count is a ~45 ms scan (no index covers
 * "firm and not deleted"), the page itself a few ms, so the count sets the pace and still fits the budget.
 */
export async function listCases({ actor, query }: { actor: StaffActor; query: RawSearchParams | CasesQuery }): Promise<CasesPage> {
  assertCan(actor, 'case.read');
  const parsed = parseInput(ZCasesQuery, query instanceof URLSearchParams ? searchParamsRecord(query) : query);
  const db = getDb();
  const where = caseWhere({ firmId: actor.firmId, userId: actor.userId }, filterOf(parsed));
  const [rows, counted] = await Promise.all([
    db.$queryRaw<RawCaseRow[]>(
      casePageSql({
        firmId: actor.firmId,
        where,
        order: { sort: parsed.sort, dir: parsed.dir },
        limit: parsed.pageSize,
        offset: (parsed.page - 1) * parsed.pageSize,
      }),
    ),
    db.$queryRaw<{ total: number }[]>(caseCountSql(where)),
  ]);
  const total = counted[0]?.total ?? 0;
  return { rows: rows.map(toCaseListRow), total, pageCount: Math.max(1, Math.ceil(total / parsed.pageSize)), query: parsed };
}
