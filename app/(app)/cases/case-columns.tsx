import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import { dateFormatter } from '@/lib/format/date-formatter';
import type { PlainDate } from '@/lib/dates';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import type { CaseListRow } from '@/lib/server/case/case-list-sql';
import { TABLE_COLUMNS, type TableColumn } from './table-view';

type Deps = {
  t: Awaited<ReturnType<typeof getTranslations<'casesTable'>>>;
  locale: AppLocale;
  /** Today in Brussels: a next deadline before it is overdue. */
  today: PlainDate;
};

const helper = createColumnHelper<CaseListRow>();

function Muted({ children }: { children: string }) {
  return <span className="text-slate-600">{children}</span>;
}

function NextDeadline({ row, deps }: { row: CaseListRow; deps: Deps }) {
  const { t, locale, today } = deps;
  if (!row.nextDeadlineOn) return <Muted>{t('cell.none')}</Muted>;
  const overdue = row.nextDeadlineOn < today;
  const dueToday = row.nextDeadlineOn === today;
  return (
    <div>
      <span className={`whitespace-nowrap ${overdue ? 'font-semibold text-red-800' : ''}`}><time dateTime={row.nextDeadlineOn}>{dateFormatter(locale).long(row.nextDeadlineOn)}</time></span>
      {overdue || dueToday ? (
        // The word carries the meaning; the colour only repeats it.
        <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${overdue ? 'bg-red-100 text-red-900' : 'bg-amber-100 text-amber-900'}`}>
          {overdue ? t('cell.overdue') : t('cell.today')}
        </span>
      ) : (
        <span className="ml-2 text-xs text-slate-600">{dateFormatter(locale).relative(row.nextDeadlineOn, today)}</span>
      )}
      {row.nextDeadlineKind ? <div className="text-xs text-slate-600">{ruleLabel(locale, `deadline.${row.nextDeadlineKind}`)}</div> : null}
    </div>
  );
}

/** The table's columns, rendered on the server: every cell is plain markup with links, no client state. */
export function caseColumns(deps: Deps): ColumnDef<CaseListRow, unknown>[] {
  const { t, locale } = deps;
  const dates = dateFormatter(locale);
  const columns: Record<TableColumn, ColumnDef<CaseListRow, unknown>> = {
    reference: helper.display({
      id: 'reference',
      header: t('columns.reference'),
      cell: ({ row }) => (
        // No prefetch: 25 to 100 case pages fetched in the background on every table view would load the server
        // for pages nobody opens.
        <Link href={`/cases/${row.original.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
          {row.original.reference}
        </Link>
      ),
    }),
    client: helper.display({
      id: 'client',
      header: t('columns.client'),
      cell: ({ row }) => (
        <div>
          <div>
            {row.original.client.lastName}, {row.original.client.firstName}
          </div>
          <div className="text-xs text-slate-600">{t('cell.fileNumber', { fileNumber: row.original.client.fileNumber })}</div>
        </div>
      ),
    }),
    procedure: helper.display({ id: 'procedure', header: t('columns.procedure'), cell: ({ row }) => ruleLabel(locale, `procedure.${row.original.procedure}`) }),
    stage: helper.display({ id: 'stage', header: t('columns.stage'), cell: ({ row }) => ruleLabel(locale, `stage.${row.original.stage}`) }),
    cardType: helper.display({
      id: 'cardType',
      header: t('columns.cardType'),
      cell: ({ row }) => (row.original.cardType ? ruleLabel(locale, `card.${row.original.cardType}`) : <Muted>{t('cell.none')}</Muted>),
    }),
    cardValidUntil: helper.display({
      id: 'cardValidUntil',
      header: t('columns.cardValidUntil'),
      cell: ({ row }) => (row.original.cardValidUntil ? dates.long(row.original.cardValidUntil) : <Muted>{t('cell.none')}</Muted>),
    }),
    nextDeadlineOn: helper.display({ id: 'nextDeadlineOn', header: t('columns.nextDeadlineOn'), cell: ({ row }) => <NextDeadline row={row.original} deps={deps} /> }),
    advisor: helper.display({
      id: 'advisor',
      header: t('columns.advisor'),
      cell: ({ row }) => row.original.advisorName ?? <Muted>{t('cell.unassigned')}</Muted>,
    }),
    commune: helper.display({ id: 'commune', header: t('columns.commune'), cell: ({ row }) => row.original.commune ?? '' }),
    dvzFileNumber: helper.display({ id: 'dvzFileNumber', header: t('columns.dvzFileNumber'), cell: ({ row }) => row.original.dvzFileNumber ?? '' }),
    rvvRollNumber: helper.display({ id: 'rvvRollNumber', header: t('columns.rvvRollNumber'), cell: ({ row }) => row.original.rvvRollNumber ?? '' }),
    updatedAt: helper.display({
      id: 'updatedAt',
      header: t('columns.updatedAt'),
      // An instant, shown as its calendar day in Brussels (the request's time zone).
      cell: ({ row }) => dates.instantDate(row.original.updatedAt),
    }),
  };
  return TABLE_COLUMNS.map((column) => columns[column]);
}
