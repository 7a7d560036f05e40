import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { listImportJobs } from '@/lib/server/import/list-import-jobs';
import { ImportSteps } from './import-steps';
import { uploadErrorMessage } from './upload-error';
import { UploadForm } from './upload-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('importer');
  return { title: t('heading') };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
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
  const [jobs, format, error] = await Promise.all([listImportJobs({ actor }), getFormatter(), uploadErrorMessage(await searchParams)]);
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
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-600">{t('recent.empty')}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 font-medium">{t('recent.file')}</th>
                <th scope="col" className="py-2 text-right font-medium">{t('recent.rows')}</th>
                <th scope="col" className="py-2 font-medium">{t('recent.status')}</th>
                <th scope="col" className="py-2 font-medium">{t('recent.date')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2">
                    <Link href={`/import/${job.id}`} className="font-medium text-brand-700 hover:underline">{job.fileName}</Link>
                  </td>
                  <td className="py-2 text-right tabular-nums">{job.totalRows}</td>
                  <td className="py-2">{t(`status.${job.status}`)}</td>
                  <td className="py-2">{format.dateTime(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
