import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/form/form-message';
import type { ImportResult } from '@/lib/server/import/import-fields';

/** After the commit: what was created, with links to the clients, or why nothing was. */
export async function ResultSummary({ result }: { result: ImportResult }) {
  const t = await getTranslations('importer');
  if (result.clientCount === 0) {
    const message = result.failure ? (result.failure.row ? t('result.failedRow', { row: result.failure.row }) : t('result.failed')) : t('result.failedChecks');
    return <FormMessage tone="error">{message}</FormMessage>;
  }
  const more = result.clientCount - result.clients.length;
  return (
    <div className="space-y-3">
      <FormMessage tone="success">{t('result.done', { clients: result.clientCount, cases: result.caseCount })}</FormMessage>
      {/* A purged import keeps no names (the page says so): only the link to the clients list remains. */}
      {result.clients.length > 0 ? (
        <>
          <h3 className="font-medium">{t('result.clients')}</h3>
          <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {result.clients.map((client) => (
              <li key={client.id}>
                <Link href={`/clients/${client.id}`} className="text-brand-700 hover:underline">
                  {client.name}
                </Link>{' '}
                <span className="font-mono text-xs text-slate-600">{client.fileNumber}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {more > 0 ? (
        <p className="text-sm">
          <Link href="/clients" className="text-brand-700 underline">{result.clients.length > 0 ? t('result.more', { count: more }) : t('result.inList')}</Link>
        </p>
      ) : null}
      <p>
        <Link href="/import" className="text-brand-700 underline">{t('result.another')}</Link>
      </p>
    </div>
  );
}
