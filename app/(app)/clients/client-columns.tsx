import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import type { ListColumn } from '@/components/list-table/list-columns';
import type { ClientListRow } from '@/lib/server/client/list-clients';

type Translator = Awaited<ReturnType<typeof getTranslations<'clients'>>>;

/** The clients list's columns; the sort keys are listClients' CLIENT_SORT_KEYS. */
export function clientColumns(t: Translator): ListColumn<ClientListRow>[] {
  return [
    { key: 'fileNumber', header: t('fileNumber'), sortKey: 'fileNumber', className: 'font-mono text-xs', cell: (client) => client.fileNumber },
    {
      key: 'name',
      header: t('name'),
      sortKey: 'name',
      rowHeader: true,
      cell: (client) => (
        <Link href={`/clients/${client.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
          {client.lastName}, {client.firstName}
        </Link>
      ),
    },
    { key: 'nationality', header: t('nationality'), sortKey: 'nationality', cell: (client) => client.nationality },
    { key: 'language', header: t('language'), className: 'uppercase', cell: (client) => client.language },
    { key: 'commune', header: t('commune'), sortKey: 'commune', cell: (client) => client.commune },
    { key: 'cases', header: t('cases'), align: 'right', className: 'tabular-nums', cell: (client) => client.caseCount },
    { key: 'portal', header: t('portal'), cell: (client) => (client.portalUserId ? t('yes') : t('no')) },
  ];
}
