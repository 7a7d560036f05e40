import { Readable } from 'node:stream';
import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { zipCaseDocuments } from '@/lib/server/document/zip-case-documents';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { contextFromHeaders } from '@/lib/server/request-context';

// Staff download a case's documents as one ZIP. Anyone else, and a case of another firm, gets the same 404 as
// a case that does not exist, so the URL reveals nothing about which case ids are real.

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const notFound = () => new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });

// RFC 6266/5987: the quoted ASCII name for old clients, the percent-encoded one for the rest.
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return notFound();
  // Staff who must still set up two-factor reach only the security page, downloads included.
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  try {
    const { fileName, stream } = await zipCaseDocuments({ actor, caseId: (await params).id, context: contextFromHeaders(request.headers) });
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: { ...PRIVATE, 'Content-Type': 'application/zip', 'Content-Disposition': attachment(fileName) },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return notFound();
    if (isAppError(error) && error.code === 'VALIDATION') {
      return new Response(`${error.userMessage}\n`, { status: 422, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
