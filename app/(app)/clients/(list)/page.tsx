import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { ListEmpty } from '@/components/list-table/list-empty';
import { listHref, type SearchParams } from '@/components/list-table/list-href';
import { ListTable } from '@/components/list-table/list-table';
import { PagePager } from '@/components/list-table/page-pager';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { listClients } from '@/lib/server/client/list-clients';
import { readListWithDefaults } from '@/lib/server/list-query';
import { clientColumns } from '../client-columns';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clients');
  return { title: t('heading') };
}

const PATH = '/clients';

export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const [list, t, tl, td] = await Promise.all([
    readListWithDefaults(search, (query) => listClients({ actor, query })),
    getTranslations('clients'),
    getTranslations('listTable'),
    getTranslations('dataProtection'),
  ]);
  const { rows, total, page, pageCount, q, sort, dir } = list;
  const empty =
    total > 0 ? (
      <ListEmpty message={tl('pastEnd')} action={<Link href={listHref(PATH, search, { page: undefined })} className="text-brand-700 underline">{tl('firstPage')}</Link>} />
    ) : q ? (
      <ListEmpty message={t('empty')} hint={t('emptyHint')} action={<Link href={PATH} className="text-brand-700 underline">{t('showAll')}</Link>} />
    ) : (
      <ListEmpty message={t('noClients')} />
    );
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        {can(actor.role, 'client.create') ? (
          <Button asChild>
            <Link href="/clients/new">{t('new')}</Link>
          </Button>
        ) : null}
      </div>
      {/* Where the erasure of a client sends the admin, their page being gone. */}
      {search.erased === '1' ? <FormMessage tone="success">{td('erase.done')}</FormMessage> : null}
      <form role="search" className="flex gap-2">
        {/* A new search starts on page 1, in the order the reader chose. */}
        {search.sort ? <input type="hidden" name="sort" value={sort} /> : null}
        {search.dir ? <input type="hidden" name="dir" value={dir} /> : null}
        <label htmlFor="client-search" className="sr-only">{t('search')}</label>
        <input id="client-search" name="q" defaultValue={q} placeholder={t('search')} className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2">{t('searchButton')}</button>
      </form>
      <ListTable label={t('heading')} columns={clientColumns(t)} rows={rows} rowKey={(row) => row.id} empty={empty} sort={{ current: { key: sort, dir }, path: PATH, search }} />
      {rows.length > 0 ? <PagePager page={page} pageCount={pageCount} totalLabel={t('total', { total })} path={PATH} search={search} /> : null}
    </div>
  );
}
