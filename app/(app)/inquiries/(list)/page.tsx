import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { ListEmpty } from '@/components/list-table/list-empty';
import { listHref, type SearchParams } from '@/components/list-table/list-href';
import { ListTable } from '@/components/list-table/list-table';
import { PagePager } from '@/components/list-table/page-pager';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { INQUIRY_FILTERS } from '@/lib/server/inquiry/inquiry-schemas';
import { listInquiries } from '@/lib/server/inquiry/list-inquiries';
import { readListWithDefaults } from '@/lib/server/list-query';
import { inquiryColumns } from '../inquiry-columns';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inquiries');
  return { title: t('heading') };
}

const PATH = '/inquiries';

export default async function InquiriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const [list, t, tl, dates] = await Promise.all([
    readListWithDefaults(search, (query) => listInquiries({ actor, query })),
    getTranslations('inquiries'),
    getTranslations('listTable'),
    getDateFormatter(),
  ]);
  const { rows, total, page, pageCount, status } = list;
  const empty =
    total > 0 ? (
      <ListEmpty message={tl('pastEnd')} action={<Link href={listHref(PATH, search, { page: undefined })} className="text-brand-700 underline">{tl('firstPage')}</Link>} />
    ) : (
      <ListEmpty message={t('noInquiries')} hint={t('noInquiriesHint')} />
    );
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2 text-sm">
        {INQUIRY_FILTERS.map((filter) => (
          <Link
            key={filter}
            href={filter === 'open' ? PATH : `${PATH}?status=${filter}`}
            aria-current={filter === status ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 ${filter === status ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
          >
            {t(`filters.${filter}`)}
          </Link>
        ))}
      </nav>
      <ListTable label={t('heading')} columns={inquiryColumns(t, dates)} rows={rows} rowKey={(row) => row.id} empty={empty} />
      {rows.length > 0 ? <PagePager page={page} pageCount={pageCount} totalLabel={t('total', { total })} path={PATH} search={search} /> : null}
    </div>
  );
}
