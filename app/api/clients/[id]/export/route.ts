import { Readable } from 'node:stream';
import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { exportClientData } from '@/lib/server/client/export-client-data';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { contextFromHeaders } from '@/lib/server/request-context';

// An admin downloads everything held on one client (GDPR access request). Anyone else, and a client of another
// firm, gets the same 404 as a client that does not exist.

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const notFound = () => new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return notFound();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  try {
    const { fileName, stream } = await exportClientData({ actor, clientId: (await params).id, context: contextFromHeaders(request.headers) });
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: { ...PRIVATE, 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition('attachment', fileName) },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return notFound();
    throw error;
  }
}
