import { Circle, CircleCheck, CircleX, Inbox, Send, type LucideIcon } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { SubmitButton } from '@/components/form/submit-button';
import { UploadDropzone } from '@/components/documents/upload-dropzone';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel, type RuleLabelKey } from '@/lib/rules/labels';
import { DOCUMENT_KINDS } from '@/lib/rules/vocabulary';
import type { CaseDocuments } from '@/lib/server/document/list-case-documents';
import { attachDocumentAction, deleteDocumentAction, documentDetailsAction, removeChecklistItemAction, reviewDocumentAction } from './document-actions';
import { DocumentVersions } from './document-versions';
import { DateInput } from '@/components/form/date-input';
import { RejectDocumentDialog } from './reject-document-dialog';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';

type Item = CaseDocuments['items'][number];

// A shape beside the colour, so the status reads without telling red from green; the word stays the label.
const STATUS_LOOK: Record<Item['status'], { tone: BadgeTone; icon: LucideIcon }> = {
  NOT_REQUESTED: { tone: 'neutral', icon: Circle },
  REQUESTED: { tone: 'info', icon: Send },
  RECEIVED: { tone: 'warning', icon: Inbox },
  APPROVED: { tone: 'success', icon: CircleCheck },
  REJECTED: { tone: 'danger', icon: CircleX },
};

export function itemTitle(locale: AppLocale, item: Pick<Item, 'label' | 'ruleKey' | 'documentKind'>): string {
  if (item.label) return item.label;
  return item.ruleKey ? ruleLabel(locale, `requirement.${item.ruleKey}` as RuleLabelKey) : ruleLabel(locale, `documentKind.${item.documentKind}`);
}

const day = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? '';
const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

export async function ChecklistItemRow({ item, caseId, locale, maxBytes, mayReview, mayRemove, mayDeleteDocument, reusable, requestFormId }: {
  item: Item; caseId: string; locale: AppLocale; maxBytes: number; mayReview: boolean; mayRemove: boolean; mayDeleteDocument: boolean;
  reusable: CaseDocuments['reusable']; requestFormId: string;
}) {
  const t = await getTranslations('documents');
  const tu = await getTranslations('ui.dialog');
  const title = itemTitle(locale, item);
  const document = item.document;
  const StatusIcon = STATUS_LOOK[item.status].icon;
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3" aria-label={title}>
      <div className="flex flex-wrap items-center gap-2">
        {item.status === 'NOT_REQUESTED' ? <input type="checkbox" name="itemIds" value={item.id} form={requestFormId} aria-label={t('selectToRequest', { title })} /> : null}
        <span className="font-medium">{title}</span>
        <Badge data-testid="item-status" tone={STATUS_LOOK[item.status].tone}>
          <StatusIcon aria-hidden="true" />
          {t(`status.${item.status}`)}
        </Badge>
      </div>
      {item.status === 'REJECTED' && item.rejectionReason ? <p className="text-sm text-red-900">{t('rejectedBecause', { reason: item.rejectionReason })}</p> : null}
      {item.findings.length ? (
        <ul className="space-y-0.5 text-sm">
          {item.findings.map((finding) => (
            <li key={finding.code} className={finding.severity === 'BLOCKING' ? 'text-red-800' : 'text-amber-800'}>⚠ {ruleLabel(locale, `finding.${finding.code}`)}</li>
          ))}
        </ul>
      ) : null}
      {document ? <DocumentVersions versions={document.versions} /> : null}
      {document && mayReview && item.status !== 'APPROVED' ? (
        <div className="flex flex-wrap items-start gap-2">
          <ActionForm action={reviewDocumentAction}>
            <input type="hidden" name="caseId" value={caseId} />
            <input type="hidden" name="itemId" value={item.id} />
            <input type="hidden" name="versionId" value={document.versions[0]?.id ?? ''} />
            <input type="hidden" name="decision" value="APPROVE" />
            <SubmitButton className="text-sm">{t('approve')}</SubmitButton>
          </ActionForm>
          {item.status !== 'REJECTED' ? (
            <RejectDocumentDialog
              caseId={caseId}
              itemId={item.id}
              versionId={document.versions[0]?.id ?? ''}
              labels={{ trigger: t('reject'), title: t('rejectTitle', { title }), text: t('rejectText'), reason: t('reason', { title }), placeholder: t('reasonPlaceholder'), cancel: t('rejectCancel'), close: tu('close') }}
            />
          ) : null}
        </div>
      ) : null}
      <UploadDropzone compact target={{ caseId, checklistItemId: item.id }} maxBytes={maxBytes} label={t(document ? 'uploadNewVersion' : 'uploadFile')} />
      <Collapsible>
        <CollapsibleTrigger className="font-normal text-slate-700">{t('more')}</CollapsibleTrigger>
        <CollapsibleContent className="space-y-3 text-sm">
          {document ? (
            <ActionForm action={documentDetailsAction} className="grid gap-2 sm:grid-cols-2" success={t('saved')}>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="documentId" value={document.id} />
              <label className="space-y-1">{t('titleField')}<input name="title" defaultValue={document.title} className={`${input} block w-full`} /></label>
              <label className="space-y-1">{t('kind')}
                <select name="kind" defaultValue={document.kind} className={`${input} block w-full`}>
                  {DOCUMENT_KINDS.map((kind) => <option key={kind} value={kind}>{ruleLabel(locale, `documentKind.${kind}`)}</option>)}
                </select>
              </label>
              <label className="space-y-1">{t('issuedOn')}<DateInput name="issuedOn" defaultValue={day(document.issuedOn)} className={`${input} block w-full`} /></label>
              <label className="space-y-1">{t('expiresOn')}<DateInput name="expiresOn" defaultValue={day(document.expiresOn)} className={`${input} block w-full`} /></label>
              <div><SubmitButton className="text-sm">{t('saveDetails')}</SubmitButton></div>
            </ActionForm>
          ) : null}
          {reusable.length ? (
            <ActionForm action={attachDocumentAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="itemId" value={item.id} />
              <label className="space-y-1">{t('reuse')}
                <select name="documentId" className={`${input} block`} defaultValue="">
                  <option value="">—</option>
                  {reusable.filter((r) => r.id !== document?.id).map((r) => <option key={r.id} value={r.id}>{r.title} ({ruleLabel(locale, `documentKind.${r.kind}`)})</option>)}
                </select>
              </label>
              <SubmitButton className="text-sm">{t('attach')}</SubmitButton>
            </ActionForm>
          ) : null}
          {mayRemove ? <ConfirmDeleteForm action={removeChecklistItemAction} fields={{ caseId, itemId: item.id }} name={title} label={t('removeItem')} /> : null}
          {document && mayDeleteDocument ? (
            <ConfirmDeleteForm action={deleteDocumentAction} fields={{ caseId, documentId: document.id }} name={document.title} label={t('deleteDocument')} />
          ) : null}
        </CollapsibleContent>
      </Collapsible>
    </li>
  );
}
