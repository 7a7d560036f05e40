import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getImportProgress } from '@/lib/server/import/get-import-progress';

// What the progress bar polls every second while a commit runs: one row's three columns as JSON. A route
// handler rather than router.refresh(): a refresh would re-render the whole page, upload and report included,
// every second, and a server action could not run beside the pending commit action.

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const actor = await currentActor();
  const headers = { 'Cache-Control': 'no-store' };
  if (actor?.kind !== 'staff') return Response.json({ code: 'UNAUTHENTICATED' }, { status: 401, headers });
  try {
    const { jobId } = await params;
    return Response.json(await getImportProgress({ actor, input: { jobId } }), { headers });
  } catch (error) {
    if (isAppError(error)) return Response.json({ code: error.code }, { status: error.status, headers });
    throw error;
  }
}
