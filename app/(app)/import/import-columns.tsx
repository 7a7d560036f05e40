import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import type { ListColumn } from '@/components/list-table/list-columns';
import type { DateFormatter } from '@/lib/format/date-formatter';
import type { listImportJobs } from '@/lib/server/import/list-import-jobs';

type Translator = Awaited<ReturnType<typeof getTranslations<'importer'>>>;
type ImportJobRow = Awaited<ReturnType<typeof listImportJobs>>['rows'][number];

/** The imports list's columns; the sort keys are listImportJobs' IMPORT_SORT_KEYS. */
export function importColumns(t: Translator, dates: DateFormatter): ListColumn<ImportJobRow>[] {
  return [
    {
      key: 'file',
      header: t('recent.file'),
      sortKey: 'fileName',
      rowHeader: true,
      cell: (job) => (
        <Link href={`/import/${job.id}`} className="font-medium text-brand-700 hover:underline">
          {job.fileName}
        </Link>
      ),
    },
    { key: 'rows', header: t('recent.rows'), align: 'right', className: 'tabular-nums', cell: (job) => job.totalRows },
    { key: 'status', header: t('recent.status'), cell: (job) => t(`status.${job.status}`) },
    {
      key: 'date',
      header: t('recent.date'),
      sortKey: 'date',
      firstDir: 'desc',
      cell: (job) => <time dateTime={job.createdAt.toISOString()}>{dates.dateTime(job.createdAt)}</time>,
    },
  ];
}
