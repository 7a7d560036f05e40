'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { addChecklistItem } from '@/lib/server/checklist/add-checklist-item';
import { applyDefaultChecklist } from '@/lib/server/checklist/apply-default-checklist';
import { removeChecklistItem } from '@/lib/server/checklist/remove-checklist-item';
import { requestChecklistItems } from '@/lib/server/checklist/request-checklist-items';
import { reviewChecklistItem } from '@/lib/server/checklist/review-checklist-item';
import { attachClientDocument } from '@/lib/server/document/attach-client-document';
import { setPlannedSubmission } from '@/lib/server/document/set-planned-submission';
import { updateDocumentDetails } from '@/lib/server/document/update-document-details';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;
type Operation = (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<unknown>;

// Every documents form posts the case id along, so the page it came from is the one refreshed.
async function run(operation: Operation, form: FormData, input: unknown = Object.fromEntries(form)): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input, context: await requestContext() }));
  if (result.ok) revalidatePath(`/cases/${String(form.get('caseId'))}`);
  return result;
}

export async function requestDocumentsAction(_prev: State, form: FormData): Promise<State> {
  return run(requestChecklistItems, form, { caseId: form.get('caseId'), itemIds: form.getAll('itemIds') });
}
export async function reviewDocumentAction(_prev: State, form: FormData): Promise<State> {
  return run(reviewChecklistItem, form);
}
export async function addChecklistItemAction(_prev: State, form: FormData): Promise<State> {
  return run(addChecklistItem, form);
}
export async function removeChecklistItemAction(_prev: State, form: FormData): Promise<State> {
  return run(removeChecklistItem, form);
}
export async function applyDefaultChecklistAction(_prev: State, form: FormData): Promise<State> {
  return run(applyDefaultChecklist, form);
}
export async function documentDetailsAction(_prev: State, form: FormData): Promise<State> {
  return run(updateDocumentDetails, form);
}
export async function attachDocumentAction(_prev: State, form: FormData): Promise<State> {
  return run(attachClientDocument, form);
}
export async function plannedSubmissionAction(_prev: State, form: FormData): Promise<State> {
  return run(setPlannedSubmission, form);
}
