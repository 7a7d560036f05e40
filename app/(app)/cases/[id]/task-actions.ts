'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';
import { completeTask } from '@/lib/server/task/complete-task';
import { createTask } from '@/lib/server/task/create-task';
import { deleteTask } from '@/lib/server/task/delete-task';

// Server actions for components/tasks/task-panel.tsx on the case page. The case id travels in the form, so
// the operation re-checks that the case belongs to the actor's firm.

function revalidate(caseId: string) {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/dashboard');
}

export async function createTaskAction(_prev: ActionResult<{ taskId: string }> | null, form: FormData): Promise<ActionResult<{ taskId: string }>> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => {
    const task = await createTask({ actor, input: Object.fromEntries(form), context: await requestContext() });
    return { taskId: task.id, caseId: task.caseId };
  });
  if (!result.ok) return result;
  revalidate(result.data.caseId);
  return { ok: true, data: { taskId: result.data.taskId } };
}

export async function completeTaskAction(_prev: ActionResult<{ taskId: string }> | null, form: FormData): Promise<ActionResult<{ taskId: string }>> {
  const actor = await requireWorkingStaff();
  const caseId = String(form.get('caseId') ?? '');
  const result = await toActionResult(async () => {
    const done = await completeTask({ actor, input: { taskId: form.get('taskId') }, context: await requestContext() });
    return { taskId: done.taskId };
  });
  if (result.ok && caseId) revalidate(caseId);
  return result;
}

export async function deleteTaskAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => deleteTask({ actor, input: { taskId: form.get('taskId') }, context: await requestContext() }));
  if (result.ok) revalidate(result.data.caseId);
  return result;
}
