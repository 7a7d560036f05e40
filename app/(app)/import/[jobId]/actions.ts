'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { commitImport } from '@/lib/server/import/commit-import';
import { validateImport } from '@/lib/server/import/validate-import';
import { requestContext } from '@/lib/server/request-context';

export type MappingState = ActionResult<{ status: string; errorRows: number }> | null;

/** Steps 2-3: saves the mapping and checks every row; the page re-renders with the report. */
export async function checkImportAction(_prev: MappingState, form: FormData): Promise<MappingState> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => {
    const { status, report } = await validateImport({ actor, input: Object.fromEntries(form) });
    return { status, errorRows: report.errorRows };
  });
  revalidatePath(`/import/${String(form.get('jobId'))}`);
  return result;
}

/**
 * Step 4: runs the whole commit and answers when it is done. Meanwhile the page polls the progress route: a
 * second server action could not, since the client runs server actions one at a time.
 */
export async function commitImportAction(jobId: string): Promise<ActionResult<{ status: string }>> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => {
    const { status } = await commitImport({ actor, input: { jobId }, context: await requestContext() });
    return { status };
  });
  revalidatePath(`/import/${jobId}`);
  return result;
}
