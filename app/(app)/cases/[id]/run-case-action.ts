import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { requestContext } from '@/lib/server/request-context';

export type CaseActionState = ActionResult<unknown> | null;
type Operation = (args: { actor: Awaited<ReturnType<typeof requireWorkingStaff>>; input: unknown; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<unknown>;

/**
 * The case page's server actions in one shape: the signed-in member, the operation's result as an ActionResult,
 * and the pages it changes refreshed. Every form posts the case id along, so the page it came from is the one
 * refreshed; `alsoRefresh` names others (the dashboard lists four-eyes deadlines).
 */
export async function runCaseAction(operation: Operation, form: FormData, input: unknown = Object.fromEntries(form), alsoRefresh: string[] = []): Promise<CaseActionState> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => operation({ actor, input, context: await requestContext() }));
  if (result.ok) for (const path of [`/cases/${String(form.get('caseId'))}`, ...alsoRefresh]) revalidatePath(path);
  return result;
}
