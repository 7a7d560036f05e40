'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { transitionCase } from '@/lib/server/case/transition-case';
import { updateCase } from '@/lib/server/case/update-case';
import { addNote } from '@/lib/server/note/add-note';
import { deleteNote } from '@/lib/server/note/delete-note';
import { requestContext } from '@/lib/server/request-context';
import { typedDateToPlain } from '@/lib/rules/typed-date';
import { DATE_FACT } from './transition-views';

type State = ActionResult<unknown> | null;

export async function updateCaseAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => updateCase({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath(`/cases/${form.get('caseId')}`);
  return result;
}

/** The transition's own facts arrive as `f.<name>` fields; blanks are left out, numbers become numbers, dates typed day first become `YYYY-MM-DD`. */
export async function transitionAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const facts: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('f.') || typeof value !== 'string' || value.trim() === '') continue;
    const name = key.slice(2);
    facts[name] = name === 'statedPeriodDays' ? Number(value) : DATE_FACT.test(name) ? typedDateToPlain(value.trim()) : value.trim();
  }
  const input = { caseId: form.get('caseId'), version: form.get('version'), transition: form.get('transition'), note: form.get('note'), facts };
  const result = await toActionResult(async () => transitionCase({ actor, input, context: await requestContext() }));
  if (result.ok) revalidatePath(`/cases/${form.get('caseId')}`);
  return result;
}

export async function addNoteAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => addNote({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath(`/cases/${form.get('caseId')}`);
  return result;
}

export async function deleteNoteAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => deleteNote({ actor, input: { noteId: form.get('noteId') }, context: await requestContext() }));
  if (result.ok) {
    revalidatePath(`/cases/${form.get('caseId')}`);
    revalidatePath(`/clients/${result.data.clientId}`);
  }
  return result;
}
