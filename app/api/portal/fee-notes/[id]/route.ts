import { currentActor } from '@/lib/auth/current-actor';
import { feeNoteDownload } from '@/lib/server/billing/fee-note-download';
import { notFoundResponse } from '@/lib/server/http/file-response';

// The PDF of one of the signed-in client's own fee notes (the portal's case page links here).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.kind !== 'client') return notFoundResponse();
  return feeNoteDownload(request, actor, (await params).id, 'pdf');
}
