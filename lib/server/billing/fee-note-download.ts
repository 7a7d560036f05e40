import { Readable } from 'node:stream';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { contextFromHeaders } from '@/lib/server/request-context';
import { openFeeNoteFile } from './open-fee-note-file';

// The response of the fee-note routes (staff: app/api/fee-notes/[id]/{pdf,ubl}; portal: app/api/portal/fee-notes/[id]).
// Anything the actor may not read is a plain 404, so another firm's or client's ids reveal nothing.
export const notFoundResponse = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function feeNoteDownload(request: Request, actor: Actor, feeNoteId: string, kind: 'pdf' | 'ubl'): Promise<Response> {
  try {
    const file = await openFeeNoteFile({ actor, feeNoteId, kind, context: contextFromHeaders(request.headers) });
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
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code)) return notFoundResponse();
    throw error;
  }
}
