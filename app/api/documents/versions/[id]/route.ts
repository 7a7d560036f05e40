import { Readable } from 'node:stream';
import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { openDocumentVersion } from '@/lib/server/document/open-document-version';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { contextFromHeaders } from '@/lib/server/request-context';

// Files are never public: every download comes through here, for a signed-in person allowed to read it.
// Anything else is a plain 404, so ids of other firms' or other clients' files reveal nothing.
const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return notFound();
  // Staff who must still set up two-factor reach only the security page, not the files.
  if (actor.kind === 'staff' && (await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  const { id } = await params;
  const inline = new URL(request.url).searchParams.get('inline') === '1';
  try {
    const file = await openDocumentVersion({ actor, versionId: id, inline, context: contextFromHeaders(request.headers) });
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.disposition, file.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        // A previewed PDF or image runs no script of ours and may not frame or fetch anything.
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'",
      },
    });
  } catch (error) {
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code)) return notFound();
    throw error;
  }
}
