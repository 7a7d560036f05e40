import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { FormMessage } from '@/components/form/form-message';
import { CursorPager } from '@/components/list-table/cursor-pager';
import { ListEmpty } from '@/components/list-table/list-empty';
import { listHref, RESTART } from '@/components/list-table/list-href';
import { ListTable } from '@/components/list-table/list-table';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { isAppError } from '@/lib/errors';
import { listOutbox, OUTBOX_STATUS_FILTERS, type OutboxListItem, type OutboxPage, type OutboxStatusFilter } from '@/lib/server/outbox/list-outbox';
import { outboxColumns } from './outbox-columns';
import { templateLabel } from './outbox-parts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('heading') };
}

type Search = { status?: string; template?: string; q?: string; cursor?: string };

const PATH = '/settings/outbox';

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const t = await getTranslations('outbox');
  const dates = await getDateFormatter();
  let page: OutboxPage | null = null;
  try {
    page = await listOutbox({ actor, input: { status: search.status, template: search.template, q: search.q, cursor: search.cursor } });
  } catch (error) {
    // Only admins read the outbox; to anyone else the page does not exist.
    if (isAppError(error) && error.code === 'FORBIDDEN') notFound();
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
  }
  const current = (OUTBOX_STATUS_FILTERS as readonly string[]).includes(search.status ?? '') ? (search.status as OutboxStatusFilter) : 'all';
  const time = (date: Date) => <time dateTime={date.toISOString()}>{dates.dateTimeShort(date)}</time>;

  const details = (item: OutboxListItem) => {
    if (item.status === 'SENT') return item.outboxOnly ? t('outboxOnly') : item.sentAt ? t.rich('sentAt', { time: () => time(item.sentAt as Date) }) : null;
    if (item.status === 'RETRYING') return t.rich('nextAttempt', { time: () => time(item.nextAttemptAt) });
    if (item.status === 'FAILED') return item.permanentFailure ? t('refused') : t('gaveUp', { count: item.attempts });
    return null;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>
      {page ? (
        <nav aria-label={t('tabsLabel')} className="flex flex-wrap gap-2 text-sm">
          {OUTBOX_STATUS_FILTERS.map((status) => (
            <Link
              key={status}
              href={listHref(PATH, search, { ...RESTART, status: status === 'all' ? undefined : status })}
              aria-current={current === status ? 'page' : undefined}
              className={`rounded-md px-3 py-1 ${current === status ? 'bg-brand-700 text-white' : 'text-brand-700 hover:bg-brand-50'}`}
            >
              {t(`tabs.${status}`)} <span className="tabular-nums">({page.counts[status]})</span>
            </Link>
          ))}
        </nav>
      ) : null}
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        {current === 'all' ? null : <input type="hidden" name="status" value={current} />}
        <label className="space-y-1">
          <span className="block font-medium">{t('template')}</span>
          <select name="template" defaultValue={search.template ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">{t('anyTemplate')}</option>
            {(page?.templates ?? []).map((template) => (
              <option key={template} value={template}>
                {templateLabel(t, template)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('recipient')}</span>
          <input name="q" type="search" defaultValue={search.q ?? ''} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white">{t('filter')}</button>
      </form>
      {!page ? (
        <FormMessage tone="info">
          {t('invalid')}{' '}
          <Link href="/settings/outbox" className="underline">{t('showAll')}</Link>
        </FormMessage>
      ) : (
        <>
          <ListTable label={t('heading')} columns={outboxColumns(t, time, details)} rows={page.items} rowKey={(item) => item.id} empty={<ListEmpty message={t('empty')} />} />
          <CursorPager nextCursor={page.nextCursor} path={PATH} search={search} labels={{ newest: t('newest'), older: t('older') }} />
        </>
      )}
    </div>
  );
}
