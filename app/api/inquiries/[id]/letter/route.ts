import { currentActor } from '@/lib/auth/current-actor';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { notFoundResponse, privateFileResponse } from '@/lib/server/http/file-response';
import { openInquiryLetter } from '@/lib/server/inquiry/open-inquiry-letter';
import { contextFromHeaders } from '@/lib/server/request-context';

// The decision letter a person sent with their inquiry: staff of the same firm only, always as a download (it
// came from the public form; the browser must never render it in our origin). Anything else is a plain 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.kind !== 'staff') return notFoundResponse();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFoundResponse();
  const { id } = await params;
  return privateFileResponse(() => openInquiryLetter({ actor, inquiryId: id, context: contextFromHeaders(request.headers) }));
}
