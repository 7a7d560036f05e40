import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import type { ListColumn } from '@/components/list-table/list-columns';
import type { DateFormatter } from '@/lib/format/date-formatter';
import type { InquiryListRow } from '@/lib/server/inquiry/list-inquiries';
import { AppealBadge } from './appeal-badge';

type Translator = Awaited<ReturnType<typeof getTranslations<'inquiries'>>>;

/** The inquiries list's columns. Everything here came from the public form: rendered as React text only. */
export function inquiryColumns(t: Translator, dates: DateFormatter): ListColumn<InquiryListRow>[] {
  return [
    {
      key: 'name',
      header: t('columns.name'),
      rowHeader: true,
      cell: (row) => (
        <Link href={`/inquiries/${row.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
          {row.lastName}, {row.firstName}
        </Link>
      ),
    },
    { key: 'topic', header: t('columns.topic'), cell: (row) => t(`topic.${row.topic}`) },
    { key: 'language', header: t('columns.language'), className: 'uppercase', cell: (row) => row.language },
    { key: 'received', header: t('columns.received'), cell: (row) => <time dateTime={row.createdAt.toISOString()}>{dates.dateTime(row.createdAt)}</time> },
    { key: 'booking', header: t('columns.booking'), cell: (row) => (row.bookedFor ? <time dateTime={row.bookedFor.toISOString()}>{dates.dateTime(row.bookedFor)}</time> : '') },
    {
      key: 'appeal',
      header: t('columns.appeal'),
      cell: (row) =>
        row.appealDueOn && row.daysLeft !== null ? (
          <span className="space-x-2">
            <AppealBadge daysLeft={row.daysLeft} urgent={row.urgent} t={t} />
            <span className="text-slate-600">{dates.long(row.appealDueOn)}</span>
          </span>
        ) : (
          ''
        ),
    },
    { key: 'status', header: t('status.label'), cell: (row) => t(`status.${row.status}`) },
  ];
}
