import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { FormMessage } from '@/components/form/form-message';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { isAppError } from '@/lib/errors';
import { getOutboxMessage } from '@/lib/server/outbox/get-outbox-message';
import { OutboxStatusBadge, templateLabel } from '../outbox-parts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('messageHeading') };
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireWorkingStaff();
  const { id } = await params;
  const message = await getOutboxMessage({ actor, input: { id } }).catch((error: unknown) => {
    // Another firm's message, a malformed id and a non-admin all get the same answer: nothing here.
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'].includes(error.code)) notFound();
    throw error;
  });
  const t = await getTranslations('outbox');
  const dates = await getDateFormatter();
  const time = (date: Date) => <time dateTime={date.toISOString()}>{dates.dateTime(date, { seconds: true })}</time>;
  const field = (label: string, value: React.ReactNode) => (
    <div className="flex flex-wrap gap-x-2">
      <dt className="w-40 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );

  return (
    <div className="space-y-6">
      <Link href="/settings/outbox" className="text-sm text-brand-700 underline">
        {t('back')}
      </Link>
      <div>
        <p className="text-sm text-slate-600">{t('messageHeading')}</p>
        <h1 className="text-2xl font-semibold break-words">{message.subject}</h1>
      </div>
      <section aria-labelledby="envelope-heading" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <h2 id="envelope-heading" className="sr-only">{t('envelope')}</h2>
        <dl className="space-y-1.5">
          {field(t('to'), message.toEmail)}
          {field(t('statusHeading'), <OutboxStatusBadge status={message.status} />)}
          {field(t('template'), templateLabel(t, message.template))}
          {field(t('language'), t(`locales.${message.locale}`))}
          {field(t('written'), time(message.createdAt))}
          {message.sentAt ? field(t('sent'), time(message.sentAt)) : null}
          {message.status === 'RETRYING' ? field(t('nextAttemptLabel'), time(message.nextAttemptAt)) : null}
          {field(t('attempts'), message.attempts)}
          {message.status === 'FAILED' ? field(t('outcome'), message.permanentFailure ? t('refused') : t('gaveUp', { count: message.attempts })) : null}
          {message.lastError && message.status !== 'SENT' ? field(t('lastError'), <code className="whitespace-pre-wrap break-all text-xs">{message.lastError}</code>) : null}
          {message.providerMessageId ? field(t('messageId'), message.outboxOnly ? t('outboxOnly') : <code className="break-all text-xs">{message.providerMessageId}</code>) : null}
        </dl>
      </section>
      <section aria-labelledby="attempts-heading" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <h2 id="attempts-heading" className="mb-3 font-semibold">{t('attemptsHeading')}</h2>
        {message.attemptsLog.length === 0 ? (
          <p className="text-slate-600">{t('noAttempts')}</p>
        ) : (
          <table className="w-full">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">{t('when')}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t('result')}</th>
                <th scope="col" className="py-2 font-medium">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {message.attemptsLog.map((attempt) => (
                <tr key={attempt.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="whitespace-nowrap py-2 pr-3">{time(attempt.at)}</td>
                  <td className={`py-2 pr-3 font-medium ${attempt.ok ? 'text-emerald-800' : 'text-red-800'}`}>{attempt.ok ? t('accepted') : t('notAccepted')}</td>
                  <td className="py-2">
                    <code className="whitespace-pre-wrap break-all text-xs text-slate-700">{attempt.ok ? attempt.providerMessageId : attempt.error}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {message.linksHidden ? <FormMessage tone="info">{t('linksHidden')}</FormMessage> : null}
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="font-semibold">{t('htmlHeading')}</h2>
        {/* No sandbox permissions: the email's markup runs no script, opens no window and cannot reach this page. */}
        <iframe sandbox="" srcDoc={message.html} title={t('htmlTitle', { subject: message.subject })} className="h-[36rem] w-full rounded-lg border border-slate-200 bg-white" />
      </section>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="font-semibold">{t('textHeading')}</h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 font-mono text-sm text-slate-800">{message.text}</pre>
      </section>
    </div>
  );
}
