import type { getTranslations } from 'next-intl/server';
import type { ListColumn } from '@/components/list-table/list-columns';
import type { DateFormatter } from '@/lib/format/date-formatter';
import type { AuditLogItem } from '@/lib/server/audit/list-audit-log';

type Translator = Awaited<ReturnType<typeof getTranslations<'auditLog'>>>;

/** The audit log's columns: newest first, never sorted otherwise (the log is paged on its id). */
export function auditColumns(t: Translator, dates: DateFormatter): ListColumn<AuditLogItem>[] {
  return [
    {
      key: 'when',
      header: t('when'),
      className: 'whitespace-nowrap',
      cell: (item) => <time dateTime={item.createdAt.toISOString()}>{dates.dateTimeShort(item.createdAt, { seconds: true })}</time>,
    },
    { key: 'action', header: t('action'), className: 'font-mono text-xs', cell: (item) => item.action },
    { key: 'actor', header: t('actor'), cell: (item) => item.actorName ?? item.actorEmail ?? (item.actorKind === 'SYSTEM' ? t('system') : t('anonymous')) },
    { key: 'ip', header: t('ip'), className: 'font-mono text-xs', cell: (item) => item.ip ?? '' },
    {
      key: 'details',
      header: t('details'),
      className: 'max-w-md',
      cell: (item) => <code className="block whitespace-pre-wrap break-all text-xs text-slate-700">{JSON.stringify(item.diff)}</code>,
    },
  ];
}
