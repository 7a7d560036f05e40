'use server';

import { runCaseAction, type CaseActionState } from './run-case-action';
import { buildAppealPacket } from '@/lib/server/appeal/build-appeal-packet';
import { generatePetition } from '@/lib/server/appeal/generate-petition';
import { recordJboxSubmission } from '@/lib/server/appeal/record-jbox-submission';
import { recordRollNumber } from '@/lib/server/appeal/record-roll-number';
import { saveAppealFiling } from '@/lib/server/appeal/save-appeal-filing';
import { confirmDecisionIntake } from '@/lib/server/decision/confirm-decision-intake';
import { discardDecisionIntake } from '@/lib/server/decision/discard-decision-intake';
import { confirmDeadline } from '@/lib/server/deadline/confirm-deadline';

// The dashboard's four-eyes list changes with every decision and deadline confirmation.
const run = (operation: Parameters<typeof runCaseAction>[0], form: FormData, input?: unknown) => runCaseAction(operation, form, input, ['/dashboard']);

export async function confirmDecisionAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(confirmDecisionIntake, form);
}
export async function discardDecisionAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(discardDecisionIntake, form);
}
export async function confirmDeadlineAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(confirmDeadline, form);
}
export async function saveAppealFilingAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(saveAppealFiling, form, { ...Object.fromEntries(form), annexDocumentIds: form.getAll('annexDocumentIds') });
}
export async function generatePetitionAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(generatePetition, form);
}
export async function buildAppealPacketAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(buildAppealPacket, form);
}
export async function recordSubmissionAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(recordJboxSubmission, form);
}
export async function recordRollNumberAction(_prev: CaseActionState, form: FormData): Promise<CaseActionState> {
  return run(recordRollNumber, form);
}
