'use server';

import { addOtherParty } from '@/lib/server/other-party/add-other-party';
import { removeOtherParty } from '@/lib/server/other-party/remove-other-party';
import { runCaseAction, type CaseActionState } from './run-case-action';

export async function addOtherPartyAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(addOtherParty, form);
}

export async function removeOtherPartyAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return runCaseAction(removeOtherParty, form, { otherPartyId: form.get('otherPartyId') });
}
