import { Readable } from 'node:stream';
import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { openInquiryLetter } from '@/lib/server/inquiry/open-inquiry-letter';
import { contextFromHeaders } from '@/lib/server/request-context';

// The decision letter a person sent with their inquiry: staff of the same firm only, always as a download (it
// came from the public form; the browser must never render it in our origin). Anything else is a plain 404.
const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.kind !== 'staff') return notFound();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  const { id } = await params;
  try {
    const file = await openInquiryLetter({ actor, inquiryId: id, context: contextFromHeaders(request.headers) });
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition('attachment', file.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code)) return notFound();
    throw error;
  }
}
