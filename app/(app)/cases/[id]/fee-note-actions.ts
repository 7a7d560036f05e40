'use server';

import { addFeeItem } from '@/lib/server/billing/add-fee-item';
import { addTimeEntry } from '@/lib/server/billing/add-time-entry';
import { cancelFeeNote } from '@/lib/server/billing/cancel-fee-note';
import { issueFeeNote } from '@/lib/server/billing/issue-fee-note';
import { recordFeeNotePayment } from '@/lib/server/billing/record-fee-note-payment';
import { removeFeeItem } from '@/lib/server/billing/remove-fee-item';
import { removeTimeEntry } from '@/lib/server/billing/remove-time-entry';
import { runCaseAction, type CaseActionState } from './run-case-action';

export async function addTimeEntryAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(addTimeEntry, form);
}

export async function addFeeItemAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(addFeeItem, form);
}

export async function removeTimeEntryAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(removeTimeEntry, form, { timeEntryId: form.get('timeEntryId') });
}

export async function removeFeeItemAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(removeFeeItem, form, { feeItemId: form.get('feeItemId') });
}

export async function issueFeeNoteAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  // A checkbox per entry sends its name once per ticked entry; Object.fromEntries would keep only the last.
  const timeEntryIds = form.getAll('timeEntryIds');
  const feeItemIds = form.getAll('feeItemIds');
  // The case page's form says it sends ticks ("picked"): then no tick means nothing to bill, never "bill all".
  const picked = form.get('picked') === '1' || timeEntryIds.length + feeItemIds.length > 0;
  const subset = picked ? { timeEntryIds, feeItemIds } : { timeEntryIds: undefined, feeItemIds: undefined };
  return runCaseAction(issueFeeNote, form, { ...Object.fromEntries(form), ...subset }, ['/portal']);
}

export async function recordFeeNotePaymentAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(recordFeeNotePayment, form, { feeNoteId: form.get('feeNoteId'), paidOn: form.get('paidOn') });
}

export async function cancelFeeNoteAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(cancelFeeNote, form, { feeNoteId: form.get('feeNoteId') });
}
