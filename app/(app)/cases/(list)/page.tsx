import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { can } from '@/lib/auth/permissions';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { hasFilter } from '@/lib/server/case/cases-query';
import { listCaseAdvisors } from '@/lib/server/case/list-case-advisors';
import { listCases } from '@/lib/server/case/list-cases';
import { CasesFilters } from '../cases-filters';
import { CasesPagination } from '../cases-pagination';
import { CasesTable } from '../cases-table';
import { CasesToolbar } from '../cases-toolbar';
import { casesHref, parseColumns } from '../table-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('casesTable');
  return { title: t('heading') };
}

type Search = Record<string, string | string[] | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const [{ rows, total, pageCount, query }, advisors, t] = await Promise.all([
    listCases({ actor, query: search }),
    listCaseAdvisors({ actor }),
    getTranslations('casesTable'),
  ]);
  const columns = parseColumns(search.cols);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-slate-700" role="status">
            {t('summary', { total })}
          </p>
          {can(actor.role, 'case.create') ? (
            <Button asChild>
              <Link href="/cases/new">{t('newCase')}</Link>
            </Button>
          ) : null}
        </div>
      </div>
      <CasesFilters query={query} columns={columns} advisors={advisors} />
      <CasesToolbar query={query} columns={columns} total={total} canExport={can(actor.role, 'case.export')} />
      {rows.length > 0 ? (
        <>
          <CasesTable rows={rows} query={query} columns={columns} pageCount={pageCount} />
          <CasesPagination query={query} columns={columns} total={total} pageCount={pageCount} shown={rows.length} />
        </>
      ) : total > 0 ? (
        <FormMessage tone="info">
          {t('empty.pastEnd')}{' '}
          <Link href={casesHref(query, columns, { page: 1 })} className="underline">
            {t('empty.firstPage')}
          </Link>
        </FormMessage>
      ) : hasFilter(query) ? (
        <FormMessage tone="info">
          {t('empty.noMatch')} {t('empty.noMatchHint')}
        </FormMessage>
      ) : (
        <FormMessage tone="info">{t('empty.noCases')}</FormMessage>
      )}
    </div>
  );
}
