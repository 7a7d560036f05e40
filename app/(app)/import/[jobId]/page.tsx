import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { ReactNode } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { getImportJob } from '@/lib/server/import/get-import-job';
import { isInterruptedCommit } from '@/lib/server/import/import-fields';
import { ImportSteps, type ImportStep } from '../import-steps';
import { CommitPanel } from './commit-panel';
import { MappingForm } from './mapping-form';
import { PreviewTable } from './preview-table';
import { ResultSummary } from './result-summary';
import { ValidationReport } from './validation-report';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('importer');
  return { title: t('heading') };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** One import, all its steps on one page: preview and columns, the report, the commit and its result. */
export default async function ImportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const actor = await requireWorkingStaff();
  const [t, dates] = await Promise.all([getTranslations('importer'), getDateFormatter()]);
  if (!can(actor.role, 'import.run')) return <FormMessage tone="error">{t('forbidden')}</FormMessage>;
  const { jobId } = await params;
  const job = await getImportJob({ actor, input: { jobId } }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { validation, result } = job.report;
  const source = job.mapping?.source;
  const editable = (job.status === 'UPLOADED' || job.status === 'VALIDATED' || job.status === 'FAILED') && source && source.rows.length > 0;
  const committing = job.status === 'COMMITTING' || job.status === 'COMMITTED';
  const step: ImportStep = committing || result ? 'import' : validation ? 'check' : 'mapping';
  const delimiter = source?.delimiter === '\t' ? t('job.tab') : (source?.delimiter ?? '');

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/import" className="text-brand-700 underline">{t('job.back')}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-slate-700">
          <span className="font-medium">{job.fileName}</span> · {t('job.summary', { rows: job.totalRows, delimiter, encoding: source?.encoding ?? '' })}
        </p>
      </div>
      <ImportSteps current={step} finished={job.status === 'COMMITTED'} />
      {job.purgedAt ? <FormMessage tone="info">{t('job.purged', { date: dates.instantDate(job.purgedAt) })}</FormMessage> : null}
      {editable && job.mapping ? (
        <>
          <Section id="preview-heading" title={t('preview.heading')}>
            <PreviewTable source={job.mapping.source} />
          </Section>
          <Section id="mapping-heading" title={t('mapping.heading')}>
            <p className="max-w-3xl text-sm text-slate-700">{t('mapping.intro')}</p>
            <MappingForm jobId={job.id} headers={job.mapping.source.headers} columns={job.mapping.columns} defaultLanguage={job.mapping.defaultLanguage} />
          </Section>
        </>
      ) : null}
      {validation && job.status !== 'COMMITTED' ? (
        <Section id="report-heading" title={t('report.heading')}>
          <ValidationReport report={validation} headers={source?.headers ?? []} />
        </Section>
      ) : null}
      {validation || committing ? (
        <Section id="commit-heading" title={t('commit.heading')}>
          {job.status === 'VALIDATED' || committing ? <p className="text-sm text-slate-700">{t('commit.intro')}</p> : null}
          {job.status === 'UPLOADED' ? <p className="text-sm text-slate-700">{t('commit.notYet')}</p> : null}
          {isInterruptedCommit(job) ? (
            <FormMessage tone="error">{t('commit.interrupted')}</FormMessage>
          ) : (
            <CommitPanel
              key={job.status}
              jobId={job.id}
              status={job.status}
              processedRows={job.processedRows}
              totalRows={job.totalRows}
              clients={validation?.clientCount ?? 0}
              cases={validation?.caseCount ?? 0}
            />
          )}
          {result && (job.status === 'COMMITTED' || job.status === 'FAILED') ? <ResultSummary result={result} /> : null}
        </Section>
      ) : null}
    </div>
  );
}
