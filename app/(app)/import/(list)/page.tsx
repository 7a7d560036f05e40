import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { FormMessage } from '@/components/form/form-message';
import { ListEmpty } from '@/components/list-table/list-empty';
import { listHref, type SearchParams } from '@/components/list-table/list-href';
import { ListTable } from '@/components/list-table/list-table';
import { PagePager } from '@/components/list-table/page-pager';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { listImportJobs } from '@/lib/server/import/list-import-jobs';
import { readListWithDefaults } from '@/lib/server/list-query';
import { importColumns } from '../import-columns';
import { ImportSteps } from '../import-steps';
import { uploadErrorMessage } from '../upload-error';
import { UploadForm } from '../upload-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('importer');
  return { title: t('heading') };
}

const PATH = '/import';

export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkingStaff();
  const t = await getTranslations('importer');
  if (!can(actor.role, 'import.run')) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <FormMessage tone="error">{t('forbidden')}</FormMessage>
      </div>
    );
  }
  const search = await searchParams;
  // The list's links carry its own params only: an upload's ?error= must not follow the reader around.
  const listSearch = { sort: search.sort, dir: search.dir, page: search.page };
  const [jobs, dates, error, tl] = await Promise.all([
    readListWithDefaults(listSearch, (query) => listImportJobs({ actor, query })),
    getDateFormatter(),
    uploadErrorMessage(search),
    getTranslations('listTable'),
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      </div>
      <ImportSteps current="upload" />
      <section aria-labelledby="upload-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="upload-heading" className="font-semibold">{t('upload.heading')}</h2>
        {error ? <FormMessage tone="error">{error}</FormMessage> : null}
        <UploadForm />
      </section>
      <section aria-labelledby="recent-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="recent-heading" className="font-semibold">{t('recent.heading')}</h2>
        <ListTable
          label={t('recent.heading')}
          framed={false}
          columns={importColumns(t, dates)}
          rows={jobs.rows}
          rowKey={(job) => job.id}
          empty={jobs.total > 0 ? <ListEmpty message={tl('pastEnd')} action={<Link href={listHref(PATH, listSearch, { page: undefined })} className="text-brand-700 underline">{tl('firstPage')}</Link>} /> : <ListEmpty message={t('recent.empty')} />}
          sort={{ current: { key: jobs.sort, dir: jobs.dir }, path: PATH, search: listSearch }}
        />
        {jobs.rows.length > 0 && jobs.pageCount > 1 ? (
          <PagePager page={jobs.page} pageCount={jobs.pageCount} totalLabel={t('recent.total', { total: jobs.total })} path={PATH} search={listSearch} />
        ) : null}
      </section>
    </div>
  );
}
