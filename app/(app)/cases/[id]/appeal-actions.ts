'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { buildAppealPacket } from '@/lib/server/appeal/build-appeal-packet';
import { generatePetition } from '@/lib/server/appeal/generate-petition';
import { recordJboxSubmission } from '@/lib/server/appeal/record-jbox-submission';
import { recordRollNumber } from '@/lib/server/appeal/record-roll-number';
import { saveAppealFiling } from '@/lib/server/appeal/save-appeal-filing';
import { confirmDecisionIntake } from '@/lib/server/decision/confirm-decision-intake';
import { discardDecisionIntake } from '@/lib/server/decision/discard-decision-intake';
import { confirmDeadline } from '@/lib/server/deadline/confirm-deadline';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;
type Operation = (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<unknown>;

// Each form posts the case id along, so the case page it came from (and the dashboard's four-eyes list) is refreshed.
async function run(operation: Operation, form: FormData, input: unknown = Object.fromEntries(form)): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input, context: await requestContext() }));
  if (result.ok) {
    revalidatePath(`/cases/${String(form.get('caseId'))}`);
    revalidatePath('/dashboard');
  }
  return result;
}

export async function confirmDecisionAction(_prev: State, form: FormData): Promise<State> {
  return run(confirmDecisionIntake, form);
}
export async function discardDecisionAction(_prev: State, form: FormData): Promise<State> {
  return run(discardDecisionIntake, form);
}
export async function confirmDeadlineAction(_prev: State, form: FormData): Promise<State> {
  return run(confirmDeadline, form);
}
export async function saveAppealFilingAction(_prev: State, form: FormData): Promise<State> {
  return run(saveAppealFiling, form, { ...Object.fromEntries(form), annexDocumentIds: form.getAll('annexDocumentIds') });
}
export async function generatePetitionAction(_prev: State, form: FormData): Promise<State> {
  return run(generatePetition, form);
}
export async function buildAppealPacketAction(_prev: State, form: FormData): Promise<State> {
  return run(buildAppealPacket, form);
}
export async function recordSubmissionAction(_prev: State, form: FormData): Promise<State> {
  return run(recordJboxSubmission, form);
}
export async function recordRollNumberAction(_prev: State, form: FormData): Promise<State> {
  return run(recordRollNumber, form);
}
