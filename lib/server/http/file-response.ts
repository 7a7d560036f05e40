import { Readable } from 'node:stream';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';

// The private file routes (documents, fee notes, inquiry letters): a file streams to the person allowed to read
// it, never cached and never sniffed; anything else is the same plain 404, so another firm's or client's ids
// reveal nothing, not even whether they exist.

/** A downloads sandbox: the file runs nothing and frames nothing in our origin. */
export const DOWNLOAD_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const notFoundResponse = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** What an open-* operation returns; its own `disposition` (a previewed PDF) wins over the route's. */
type OpenedFile = { body: Readable; size: number; fileName: string; mimeType: string; disposition?: 'attachment' | 'inline' };

/** Streams what `open` opened; its NOT_FOUND or FORBIDDEN (another firm's id, a missing right) is a 404. */
export async function privateFileResponse(open: () => Promise<OpenedFile>, { disposition = 'attachment', csp = DOWNLOAD_CSP }: { disposition?: 'attachment' | 'inline'; csp?: string } = {}): Promise<Response> {
  try {
    const file = await open();
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.disposition ?? disposition, file.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': csp,
      },
    });
  } catch (error) {
    if (isAppError(error) && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code)) return notFoundResponse();
    throw error;
  }
}
