'use server';

import { addLegalAidEntry } from '@/lib/server/legal-aid/add-legal-aid-entry';
import { closeLegalAid } from '@/lib/server/legal-aid/close-legal-aid';
import { removeLegalAidEntry } from '@/lib/server/legal-aid/remove-legal-aid-entry';
import { setLegalAidDesignation } from '@/lib/server/legal-aid/set-legal-aid-designation';
import { runCaseAction, type CaseActionState } from './run-case-action';

export async function setLegalAidDesignationAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(setLegalAidDesignation, form);
}

export async function addLegalAidEntryAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(addLegalAidEntry, form);
}

export async function removeLegalAidEntryAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(removeLegalAidEntry, form, { entryId: form.get('entryId') });
}

export async function closeLegalAidAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(closeLegalAid, form, undefined, ['/legal-aid']);
}
