import { TZDate } from '@date-fns/tz';
import { stringify, type Options } from 'csv-stringify/sync';
import { format } from 'date-fns';
import { createTranslator } from 'use-intl/core';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { BRUSSELS, brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import type { AppLocale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en/cases.json';
import fr from '@/lib/i18n/messages/fr/cases.json';
import nl from '@/lib/i18n/messages/nl/cases.json';
import { ruleLabel } from '@/lib/rules/labels';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { caseCountSql, casePageSql, caseWhere, nextKeyset, toCaseListRow, type CaseListRow, type Keyset, type RawCaseRow } from './case-list-sql';
import { filterOf, searchParamsRecord, ZCasesQuery, type CaseSortKey, type RawSearchParams, type SortDirection } from './cases-query';

// The cases table's current filter and sort as a CSV file, for any number of cases. Rows are read in keyset
// batches (the sort keys and id of the last row, never OFFSET) and each batch is turned into CSV only when the
// reader asks for more, so memory holds one batch whatever the size of the firm, and no database connection
// is held while a slow client downloads.

// 1,000 rather than 2,000: a batch's rows and their CSV are what the export adds to the server's memory
// (302 MB peak with 2,000 against a 300 MB budget), and keyset batches cost the same per row at either size.
export const EXPORT_BATCH_SIZE = 1_000;

export const EXPORT_COLUMNS = [
  'reference',
  'client',
  'fileNumber',
  'procedure',
  'stage',
  'cardType',
  'cardValidUntil',
  'nextDeadlineOn',
  'nextDeadlineKind',
  'advisor',
  'commune',
  'dvzFileNumber',
  'rvvRollNumber',
  'updatedAt',
] as const;

const BOM = '\uFEFF';

const CSV_OPTIONS: Options = {
  // Belgian Excel (nl-BE, fr-BE) splits columns on ';': with commas the whole row lands in one cell.
  delimiter: ';',
  record_delimiter: 'windows',
  // A client called "=HYPERLINK(...)" must stay text when a colleague opens the file.
  escape_formulas: true,
};

const catalogues: Record<AppLocale, typeof en> = { en, nl: nl as typeof en, fr: fr as typeof en };

function headerRow(locale: AppLocale): string[] {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'casesTable.columns' });
  return EXPORT_COLUMNS.map((column) => t(column));
}

function record(row: CaseListRow, locale: AppLocale): string[] {
  return [
    row.reference,
    `${row.client.firstName} ${row.client.lastName}`,
    row.client.fileNumber,
    ruleLabel(locale, `procedure.${row.procedure}`),
    ruleLabel(locale, `stage.${row.stage}`),
    row.cardType ? ruleLabel(locale, `card.${row.cardType}`) : '',
    // Plain ISO dates: every spreadsheet reads them as dates, whatever its language.
    row.cardValidUntil ?? '',
    row.nextDeadlineOn ?? '',
    row.nextDeadlineKind ? ruleLabel(locale, `deadline.${row.nextDeadlineKind}`) : '',
    row.advisorName ?? '',
    row.commune ?? '',
    row.dvzFileNumber ?? '',
    row.rvvRollNumber ?? '',
    format(new TZDate(row.updatedAt.getTime(), BRUSSELS), 'yyyy-MM-dd HH:mm'),
  ];
}

async function* csvChunks(input: {
  firmId: string;
  where: ReturnType<typeof caseWhere>;
  order: { sort: CaseSortKey; dir: SortDirection };
  locale: AppLocale;
  batchSize: number;
}): AsyncGenerator<string, void, undefined> {
  const db = getDb();
  yield BOM + stringify([headerRow(input.locale)], CSV_OPTIONS);
  let after: Keyset | null = null;
  for (;;) {
    const rows: RawCaseRow[] = await db.$queryRaw<RawCaseRow[]>(
      casePageSql({ firmId: input.firmId, where: input.where, order: input.order, limit: input.batchSize, after }),
    );
    if (rows.length > 0) yield stringify(rows.map((row) => record(toCaseListRow(row), input.locale)), CSV_OPTIONS);
    after = nextKeyset(input.order, rows, input.batchSize, after);
    if (!after) return;
  }
}

export type CasesExport = {
  fileName: string;
  /** Cases matching the filter when the export started (the audit row says the same). */
  rowCount: number;
  /** The BOM and header, then one chunk per batch; read it to the end or call return() to stop early. */
  chunks: AsyncGenerator<string, void, undefined>;
};

/**
 * Starts an export: checks the permission, then records `export.created` with the filter and the number of
 * matching cases *before* the first byte leaves. An export the reader abandons halfway has still disclosed
 * data, and a row written at the end would be missing for exactly those.
 */
export async function exportCases({
  actor,
  query,
  locale,
  context,
  batchSize = EXPORT_BATCH_SIZE,
}: {
  actor: StaffActor;
  query: RawSearchParams;
  locale: AppLocale;
  context: RequestContext | null;
  batchSize?: number;
}): Promise<CasesExport> {
  assertCan(actor, 'case.export');
  const parsed = parseInput(ZCasesQuery, query instanceof URLSearchParams ? searchParamsRecord(query) : query);
  const where = caseWhere({ firmId: actor.firmId, userId: actor.userId }, filterOf(parsed));
  const order = { sort: parsed.sort, dir: parsed.dir };
  const rowCount = await getDb().$transaction(async (tx) => {
    const [counted] = await tx.$queryRaw<{ total: number }[]>(caseCountSql(where));
    const total = counted?.total ?? 0;
    const filter = Object.fromEntries(Object.entries(filterOf(parsed)).filter(([, value]) => value !== undefined));
    await recordAudit(tx, {
      firmId: actor.firmId,
      actor: { kind: 'staff', userId: actor.userId },
      action: 'export.created',
      entity: 'export',
      after: { of: 'cases', format: 'csv', filter, sort: order.sort, dir: order.dir, rowCount: total, locale },
      context,
    });
    return total;
  });
  return {
    fileName: `cases-${brusselsDate()}.csv`,
    rowCount,
    chunks: csvChunks({ firmId: actor.firmId, where, order, locale, batchSize }),
  };
}

/** A web stream over the chunks that pulls the next batch only when the reader is ready for it. */
export function csvByteStream(chunks: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
