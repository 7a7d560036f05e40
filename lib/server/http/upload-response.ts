import type { Actor } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { userMessageText } from '@/lib/i18n/user-message';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import type { UploadBody } from '@/lib/server/document/receive-upload';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { contextFromHeaders } from '@/lib/server/request-context';
import { isSameOrigin } from '@/lib/server/same-origin';

// One file per request, sent as the raw body, so the browser can show each file's progress and the server can
// stream it to disk without parsing multipart. The target comes in the query, the name in a header.
// Answers JSON: { ok: true, data } or { ok: false, code, userMessage, message } (message: the key translated).

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

function fileName(request: Request): string {
  const raw = request.headers.get('x-file-name') ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export type UploadRun = (args: { actor: Actor; query: Record<string, string>; file: { name: string; body: UploadBody; declaredSize?: number }; context: RequestContext }) => Promise<unknown>;

/** The upload routes' shared part: who is sending, from where, and the answer's shape and status. */
export async function uploadResponse(request: Request, run: UploadRun): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return json(401, { ok: false, code: 'UNAUTHENTICATED', userMessage: 'UNAUTHENTICATED' });
  if (!isSameOrigin(request)) return json(403, { ok: false, code: 'FORBIDDEN', userMessage: 'FORBIDDEN' });
  if (actor.kind === 'staff' && (await getFirmContext({ actor })).mustEnrollSecondFactor) return json(403, { ok: false, code: 'FORBIDDEN', userMessage: 'FORBIDDEN' });
  if (!request.body) return json(422, { ok: false, code: 'VALIDATION', userMessage: 'documents.upload.empty' });
  const length = request.headers.get('content-length');
  try {
    const data = await run({
      actor,
      query: Object.fromEntries(new URL(request.url).searchParams),
      file: { name: fileName(request), body: request.body, declaredSize: length && /^\d+$/.test(length) ? Number(length) : undefined },
      context: contextFromHeaders(request.headers),
    });
    return json(201, { ok: true, data });
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = error.details?.fieldErrors;
      // 413 tells proxies and tools what happened; the page shows the message either way.
      const status = error.userMessage === 'documents.upload.tooLarge' ? 413 : error.status;
      const message = await userMessageText(error.userMessage, { megabytes: Math.floor(env().UPLOAD_MAX_BYTES / 1048576) });
      return json(status, { ok: false, code: error.code, userMessage: error.userMessage, ...(message ? { message } : {}), ...(fieldErrors ? { fieldErrors } : {}) });
    }
    throw error;
  }
}
