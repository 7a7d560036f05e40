import type { ReactNode } from 'react';
import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import type { ListColumn } from '@/components/list-table/list-columns';
import type { OutboxListItem } from '@/lib/server/outbox/list-outbox';
import { OutboxStatusBadge, templateLabel } from './outbox-parts';

type Translator = Awaited<ReturnType<typeof getTranslations<'outbox'>>>;

/** The outbox's columns, newest first (the outbox is paged on its time and id, never sorted otherwise). */
export function outboxColumns(t: Translator, time: (date: Date) => ReactNode, details: (item: OutboxListItem) => ReactNode): ListColumn<OutboxListItem>[] {
  return [
    { key: 'written', header: t('written'), className: 'whitespace-nowrap', cell: (item) => time(item.createdAt) },
    { key: 'to', header: t('to'), className: 'break-all', cell: (item) => item.toEmail },
    {
      key: 'subject',
      header: t('subject'),
      cell: (item) => (
        <Link href={`/settings/outbox/${item.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {item.subject}
        </Link>
      ),
    },
    { key: 'template', header: t('template'), cell: (item) => templateLabel(t, item.template) },
    { key: 'status', header: t('statusHeading'), cell: (item) => <OutboxStatusBadge status={item.status} /> },
    { key: 'attempts', header: t('attempts'), align: 'right', className: 'tabular-nums', cell: (item) => item.attempts },
    {
      key: 'details',
      header: t('details'),
      className: 'max-w-sm text-slate-700',
      cell: (item) => (
        <>
          <div>{details(item)}</div>
          {(item.status === 'FAILED' || item.status === 'RETRYING') && item.lastError ? (
            <code className="mt-0.5 block whitespace-pre-wrap break-all text-xs text-slate-600">{item.lastError}</code>
          ) : null}
        </>
      ),
    },
  ];
}
