import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { SiteHeader } from '@/components/site-header';
import { IS_PRODUCTION } from '@/lib/env';
import { listDevMailbox } from '@/lib/server/dev/list-dev-mailbox';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devMailbox');
  return { title: t('heading') };
}

/** Turns the URLs of a plain-text email into links, so sign-in and invitation links can be followed. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/g).map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function DevMailboxPage() {
  if (IS_PRODUCTION) notFound();
  const messages = await listDevMailbox();
  const t = await getTranslations('devMailbox');
  const dates = await getDateFormatter();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
        {messages.length === 0 ? <p>{t('empty')}</p> : null}
        {messages.map((message) => (
          <details key={message.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="cursor-pointer">
              <span className="font-medium">{message.subject}</span> · {message.toEmail} · {dates.dateTimeShort(message.createdAt)}
            </summary>
            <pre className="mt-3 whitespace-pre-wrap font-sans text-sm text-slate-800">
              <Linkified text={message.text} />
            </pre>
          </details>
        ))}
      </main>
    </>
  );
}
