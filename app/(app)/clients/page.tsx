import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { listClients } from '@/lib/server/client/list-clients';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('clients');
  return { title: t('heading') };
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const { rows, total, page, pageSize, q } = await listClients({ actor, query: search });
  const t = await getTranslations('clients');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => `/clients?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        {can(actor.role, 'client.create') ? (
          <Link href="/clients/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
            {t('new')}
          </Link>
        ) : null}
      </div>
      <form role="search" className="flex gap-2">
        <label htmlFor="client-search" className="sr-only">{t('search')}</label>
        <input id="client-search" name="q" defaultValue={q} placeholder={t('search')} className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2">{t('searchButton')}</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('empty')}</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="p-2 font-medium">{t('fileNumber')}</th>
              <th scope="col" className="p-2 font-medium">{t('name')}</th>
              <th scope="col" className="p-2 font-medium">{t('nationality')}</th>
              <th scope="col" className="p-2 font-medium">{t('language')}</th>
              <th scope="col" className="p-2 font-medium">{t('commune')}</th>
              <th scope="col" className="p-2 text-right font-medium">{t('cases')}</th>
              <th scope="col" className="p-2 font-medium">{t('portal')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((client) => (
              <tr key={client.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                <td className="p-2 font-mono text-xs">{client.fileNumber}</td>
                <td className="p-2">
                  <Link href={`/clients/${client.id}`} className="font-medium text-brand-700 hover:underline">
                    {client.lastName}, {client.firstName}
                  </Link>
                </td>
                <td className="p-2">{client.nationality}</td>
                <td className="p-2 uppercase">{client.language}</td>
                <td className="p-2">{client.commune}</td>
                <td className="p-2 text-right tabular-nums">{client._count.cases}</td>
                <td className="p-2">{client.portalUserId ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t('pageOf', { page, pages, total })} className="flex items-center gap-4 text-sm">
        {page > 1 ? <Link href={pageLink(page - 1)} className="text-brand-700 underline">{t('previous')}</Link> : null}
        <span className="text-slate-600">{t('pageOf', { page, pages, total })}</span>
        {page < pages ? <Link href={pageLink(page + 1)} className="text-brand-700 underline">{t('next')}</Link> : null}
      </nav>
    </div>
  );
}
