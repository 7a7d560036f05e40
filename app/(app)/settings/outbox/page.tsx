import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { isAppError } from '@/lib/errors';
import { listOutbox, OUTBOX_STATUS_FILTERS, type OutboxListItem, type OutboxPage, type OutboxStatusFilter } from '@/lib/server/outbox/list-outbox';
import { OutboxStatusBadge, templateLabel } from './outbox-parts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('heading') };
}

type Search = { status?: string; template?: string; q?: string; cursor?: string };

function href(search: Search): string {
  const params = new URLSearchParams(Object.entries(search).filter((entry): entry is [string, string] => Boolean(entry[1]) && !(entry[0] === 'status' && entry[1] === 'all')));
  const query = params.toString();
  return query ? `/settings/outbox?${query}` : '/settings/outbox';
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireWorkingStaff();
  const search = await searchParams;
  const t = await getTranslations('outbox');
  const format = await getFormatter();
  let page: OutboxPage | null = null;
  try {
    page = await listOutbox({ actor, input: { status: search.status, template: search.template, q: search.q, cursor: search.cursor } });
  } catch (error) {
    // Only admins read the outbox; to anyone else the page does not exist.
    if (isAppError(error) && error.code === 'FORBIDDEN') notFound();
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
  }
  const current = (OUTBOX_STATUS_FILTERS as readonly string[]).includes(search.status ?? '') ? (search.status as OutboxStatusFilter) : 'all';
  const filters = { template: search.template, q: search.q };
  const time = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' })}</time>;

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
              href={href({ ...filters, status })}
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
      ) : page.items.length === 0 ? (
        <FormMessage tone="info">{t('empty')}</FormMessage>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="p-2 font-medium">{t('written')}</th>
              <th scope="col" className="p-2 font-medium">{t('to')}</th>
              <th scope="col" className="p-2 font-medium">{t('subject')}</th>
              <th scope="col" className="p-2 font-medium">{t('template')}</th>
              <th scope="col" className="p-2 font-medium">{t('statusHeading')}</th>
              <th scope="col" className="p-2 text-right font-medium">{t('attempts')}</th>
              <th scope="col" className="p-2 font-medium">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} className="border-b border-slate-100 align-top last:border-0">
                <td className="whitespace-nowrap p-2">{time(item.createdAt)}</td>
                <td className="break-all p-2">{item.toEmail}</td>
                <td className="p-2">
                  <Link href={`/settings/outbox/${item.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                    {item.subject}
                  </Link>
                </td>
                <td className="p-2">{templateLabel(t, item.template)}</td>
                <td className="p-2">
                  <OutboxStatusBadge status={item.status} />
                </td>
                <td className="p-2 text-right tabular-nums">{item.attempts}</td>
                <td className="max-w-sm p-2 text-slate-700">
                  <div>{details(item)}</div>
                  {(item.status === 'FAILED' || item.status === 'RETRYING') && item.lastError ? (
                    <code className="mt-0.5 block whitespace-pre-wrap break-all text-xs text-slate-600">{item.lastError}</code>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex gap-4">
        {search.cursor ? (
          <Link href={href({ ...filters, status: current })} className="text-brand-700 underline">
            {t('newest')}
          </Link>
        ) : null}
        {page?.nextCursor ? (
          <Link href={href({ ...filters, status: current, cursor: page.nextCursor })} className="text-brand-700 underline">
            {t('older')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
