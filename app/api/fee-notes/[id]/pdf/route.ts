import { currentActor } from '@/lib/auth/current-actor';
import { feeNoteDownload } from '@/lib/server/billing/fee-note-download';
import { notFoundResponse } from '@/lib/server/http/file-response';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';

// A fee note's PDF, for staff of its firm; clients use the portal's own route.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.kind !== 'staff') return notFoundResponse();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFoundResponse();
  return feeNoteDownload(request, actor, (await params).id, 'pdf');
}
