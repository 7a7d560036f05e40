import { MailCheck } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { FailedEmails } from '@/lib/server/dashboard/list-failed-emails';
import { EmptyState } from '@/components/ui/empty-state';
import { DashboardSection } from './dashboard-section';

/** Emails refused for good (usually a wrong address), newest first; admins can open each in the outbox. */
export async function FailedEmailsSection({ failed, canOpen }: { failed: FailedEmails; canOpen: boolean }) {
  const t = await getTranslations('dashboard.failedEmails');
  const dates = await getDateFormatter();
  return (
    <DashboardSection id="failed-emails" title={t('heading')} intro={failed.firmWide ? t('introFirm') : t('introMine')}>
      {failed.items.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {failed.items.map((item) => (
            <li key={item.id} className="py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{item.toEmail}</span>
                  {canOpen ? (
                    <Link href={`/settings/outbox/${item.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                      {item.subject}
                    </Link>
                  ) : (
                    <span>{item.subject}</span>
                  )}
                </span>
                <time dateTime={item.createdAt} className="text-slate-600 tabular-nums">
                  {dates.dateTimeShort(item.createdAt)}
                </time>
              </div>
              {item.lastError ? (
                <p className="mt-0.5 break-words text-slate-600">
                  <span className="sr-only">{t('reason')}: </span>
                  <code className="text-xs">{item.lastError}</code>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact icon={MailCheck} title={t('empty')} />
      )}
      {failed.total > failed.items.length ? <p className="mt-2 text-sm text-slate-600">{t('shown', { shown: failed.items.length, total: failed.total })}</p> : null}
    </DashboardSection>
  );
}
