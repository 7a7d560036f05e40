'use server';

import { runCaseAction, type CaseActionState } from './run-case-action';
import { addChecklistItem } from '@/lib/server/checklist/add-checklist-item';
import { applyDefaultChecklist } from '@/lib/server/checklist/apply-default-checklist';
import { removeChecklistItem } from '@/lib/server/checklist/remove-checklist-item';
import { requestChecklistItems } from '@/lib/server/checklist/request-checklist-items';
import { reviewChecklistItem } from '@/lib/server/checklist/review-checklist-item';
import { attachClientDocument } from '@/lib/server/document/attach-client-document';
import { deleteDocument } from '@/lib/server/document/delete-document';
import { setPlannedSubmission } from '@/lib/server/document/set-planned-submission';
import { updateDocumentDetails } from '@/lib/server/document/update-document-details';

const run = runCaseAction;

export async function requestDocumentsAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(requestChecklistItems, form, { caseId: form.get('caseId'), itemIds: form.getAll('itemIds') });
}
export async function reviewDocumentAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(reviewChecklistItem, form);
}
export async function addChecklistItemAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(addChecklistItem, form);
}
export async function removeChecklistItemAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(removeChecklistItem, form);
}
export async function applyDefaultChecklistAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(applyDefaultChecklist, form);
}
export async function documentDetailsAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(updateDocumentDetails, form);
}
export async function attachDocumentAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(attachClientDocument, form);
}
export async function plannedSubmissionAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(setPlannedSubmission, form);
}
export async function deleteDocumentAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(deleteDocument, form, { documentId: form.get('documentId') });
}
