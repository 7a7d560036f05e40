import { getTranslations } from 'next-intl/server';
import { UploadDropzone } from '@/components/documents/upload-dropzone';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel, type RuleLabelKey } from '@/lib/rules/labels';
import type { listPortalDocumentRequests } from '@/lib/server/portal/list-portal-document-requests';

type Request = Awaited<ReturnType<typeof listPortalDocumentRequests>>[number];

const title = (locale: AppLocale, item: Request) =>
  item.label ?? (item.ruleKey ? ruleLabel(locale, `requirement.${item.ruleKey}` as RuleLabelKey) : ruleLabel(locale, `documentKind.${item.documentKind}`));

const TONE: Record<Request['status'], string> = {
  NOT_REQUESTED: 'bg-slate-100 text-slate-800', REQUESTED: 'bg-sky-100 text-sky-900', RECEIVED: 'bg-amber-100 text-amber-900',
  APPROVED: 'bg-emerald-100 text-emerald-900', REJECTED: 'bg-red-100 text-red-900',
};

/** "What I must provide": each requested paper, why one was sent back, and an upload right there. */
export async function DocumentRequests({ requests, locale, maxBytes }: { requests: Request[]; locale: AppLocale; maxBytes: number }) {
  const t = await getTranslations('portalDocuments');
  const todo = requests.filter((r) => r.status === 'REQUESTED' || r.status === 'REJECTED').length;
  return (
    <section aria-label={t('heading')} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 className="text-lg font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-700">{requests.length === 0 ? t('nothing') : t('todo', { count: todo })}</p>
      <ul className="space-y-3">
        {requests.map((item) => (
          <li key={item.id} aria-label={title(locale, item)} className="space-y-2 rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{title(locale, item)}</span>
              <span data-testid="request-status" className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[item.status]}`}>{t(`status.${item.status}`)}</span>
            </div>
            <p className="text-xs text-slate-600">{ruleLabel(locale, `procedure.${item.case.procedure}`)} · {item.case.reference}</p>
            {item.status === 'REJECTED' && item.rejectionReason ? (
              <p className="rounded-md bg-red-50 p-2 text-sm text-red-900"><span className="font-medium">{t('whyRejected')}</span> {item.rejectionReason}</p>
            ) : null}
            {item.lastUpload ? (
              <p className="text-sm">{t('youSent')} <a className="text-brand-700 underline" href={`/api/documents/versions/${item.lastUpload.id}`}>{item.lastUpload.fileName}</a></p>
            ) : null}
            {item.status !== 'APPROVED' ? (
              <UploadDropzone target={{ caseId: item.caseId, checklistItemId: item.id }} maxBytes={maxBytes} label={t(item.status === 'REJECTED' ? 'sendAgain' : item.lastUpload ? 'replace' : 'send')} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
