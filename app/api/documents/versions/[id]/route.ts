import { currentActor } from '@/lib/auth/current-actor';
import { openDocumentVersion } from '@/lib/server/document/open-document-version';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { notFoundResponse, privateFileResponse } from '@/lib/server/http/file-response';
import { contextFromHeaders } from '@/lib/server/request-context';

// Files are never public: every download comes through here, for a signed-in person allowed to read it.
// Anything else is a plain 404, so ids of other firms' or other clients' files reveal nothing.
// A previewed PDF or image runs no script of ours and may not frame or fetch anything.
const PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  // Staff who must still set up two-factor reach only the security page, not the files.
  if (actor.kind === 'staff' && (await getFirmContext({ actor })).mustEnrollSecondFactor) return notFoundResponse();
  const { id } = await params;
  const inline = new URL(request.url).searchParams.get('inline') === '1';
  return privateFileResponse(() => openDocumentVersion({ actor, versionId: id, inline, context: contextFromHeaders(request.headers) }), { csp: PREVIEW_CSP });
}
