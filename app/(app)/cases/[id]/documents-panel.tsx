import { ListPlus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import { UploadDropzone } from '@/components/documents/upload-dropzone';
import type { StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { dateFormatter } from '@/lib/format/date-formatter';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { DOCUMENT_KINDS } from '@/lib/rules/vocabulary';
import { listCaseDocuments } from '@/lib/server/document/list-case-documents';
import { ChecklistItemRow } from './checklist-item-row';
import { addChecklistItemAction, applyDefaultChecklistAction, deleteDocumentAction, plannedSubmissionAction, requestDocumentsAction } from './document-actions';
import { DocumentVersions } from './document-versions';
import { DateInput } from '@/components/form/date-input';
import { ActionDialog } from '@/components/form/action-dialog';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';

const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

/** The case's documents: what the procedure needs, what the client gave, what was approved or sent back. */
export async function DocumentsPanel({ actor, caseId, locale }: { actor: StaffActor; caseId: string; locale: AppLocale }) {
  const t = await getTranslations('documents');
  const tc = await getTranslations('caseView');
  const data = await listCaseDocuments({ actor, caseId });
  const count = (...statuses: (typeof data.items)[number]['status'][]) =>
    Object.fromEntries(statuses.map((status) => [status.toLowerCase(), data.items.filter((item) => item.status === status).length]));
  const maxBytes = env().UPLOAD_MAX_BYTES;
  const requestFormId = `request-${caseId}`;
  const requestable = data.items.some((item) => item.status === 'NOT_REQUESTED');
  const mayReview = can(actor.role, 'document.review');
  const mayDeleteDocument = can(actor.role, 'document.delete');
  return (
    <section aria-label={t('heading')} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="font-semibold">{t('heading')}</h2>
          {data.items.length ? <p className="text-xs text-slate-600" data-testid="checklist-summary">{tc('checklistSummary', count('REQUESTED', 'RECEIVED', 'APPROVED', 'REJECTED'))}</p> : null}
        </div>
        {data.items.some((item) => item.document) || data.otherDocuments.length ? (
          <a href={`/api/cases/${caseId}/documents/zip`} className="text-sm font-medium text-brand-700 hover:underline">{t('downloadZip')}</a>
        ) : null}
      </div>
      <ActionForm action={plannedSubmissionAction} className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="caseId" value={caseId} />
        <label className="space-y-1">{t('plannedSubmission')}
          <DateInput name="plannedSubmissionOn" defaultValue={data.plannedSubmissionOn ?? ''} className={`${input} block`} />
        </label>
        <SubmitButton className="text-sm">{t('saveDate')}</SubmitButton>
        <p className="w-full text-xs text-slate-600">{t.rich('judgedOn', { date: dateFormatter(locale).long(data.submissionOn), when: (chunks) => <time dateTime={data.submissionOn}>{chunks}</time> })} {t('acceptedFiles', { megabytes: Math.floor(maxBytes / 1048576) })}</p>
      </ActionForm>
      {data.items.length === 0 ? (
        <ActionForm action={applyDefaultChecklistAction} className="space-y-2">
          <p className="text-sm text-slate-600">{t('noChecklist')}</p>
          <input type="hidden" name="caseId" value={caseId} />
          <SubmitButton className="text-sm">{t('applyDefaults')}</SubmitButton>
        </ActionForm>
      ) : (
        <ul className="space-y-3">
          {data.items.map((item) => (
            <ChecklistItemRow key={item.id} item={item} caseId={caseId} locale={locale} maxBytes={maxBytes} mayReview={mayReview}
              mayRemove={can(actor.role, 'checklist.delete')} mayDeleteDocument={mayDeleteDocument} reusable={data.reusable} requestFormId={requestFormId} />
          ))}
        </ul>
      )}
      {requestable && mayReview ? (
        <ActionForm action={requestDocumentsAction} id={requestFormId} className="space-y-1" success={t('requested')}>
          <input type="hidden" name="caseId" value={caseId} />
          <p className="text-xs text-slate-600">{t('requestHint')}</p>
          <SubmitButton className="text-sm">{t('requestSelected')}</SubmitButton>
        </ActionForm>
      ) : null}
      <ActionDialog action={addChecklistItemAction} trigger={t('addItem')} icon={<ListPlus aria-hidden="true" />} submit={t('add')} success={t('itemAdded')} className="space-y-3">
        <input type="hidden" name="caseId" value={caseId} />
        <label className="block space-y-1">{t('kind')}
          <select name="documentKind" defaultValue="OTHER" className={`${input} block w-full`}>
            {DOCUMENT_KINDS.map((kind) => <option key={kind} value={kind}>{ruleLabel(locale, `documentKind.${kind}`)}</option>)}
          </select>
        </label>
        <label className="block space-y-1">{t('label')}<input name="label" className={`${input} block w-full`} /></label>
      </ActionDialog>
      {data.otherDocuments.length ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{t('otherDocuments')}</h3>
          <ul className="space-y-2">
            {data.otherDocuments.map((document) => (
              <li key={document.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">{document.title} · {ruleLabel(locale, `documentKind.${document.kind}`)}</p>
                <DocumentVersions versions={document.versions} />
                {mayDeleteDocument ? <ConfirmDeleteForm action={deleteDocumentAction} fields={{ caseId, documentId: document.id }} name={document.title} label={t('deleteDocument')} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Collapsible>
        <CollapsibleTrigger>{t('uploadOther')}</CollapsibleTrigger>
        <CollapsibleContent className="space-y-2">
          <p className="text-xs text-slate-600">{t('uploadOtherHint')}</p>
          <UploadDropzone target={{ caseId, kind: 'OTHER' }} maxBytes={maxBytes} label={t('uploadFile')} />
        </CollapsibleContent>
      </Collapsible>
    </section>
  );
}
