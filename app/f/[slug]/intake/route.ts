import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { isPublicLocale } from '@/lib/i18n/public-locales';
import { publicRefusalText } from '@/lib/i18n/public-refusal';
import { logger } from '@/lib/logger';
import { submitIntake, type IntakeLetter } from '@/lib/server/inquiry/submit-intake';
import { contextFromHeaders } from '@/lib/server/request-context';
import { isSameOrigin } from '@/lib/server/same-origin';

// The public form's endpoint. Multipart, because the decision letter travels with the answers; a route and not
// a server action, because actions cap their bodies far below a scanned letter. Answers JSON to the page's
// script, and a redirect back to the page to a browser without script.

type Answer = { ok: true; data: unknown } | { ok: false; code: string; userMessage: string; message?: string; fields?: Record<string, string> };

function reply(request: Request, slug: string, status: number, body: Answer): Response {
  if ((request.headers.get('accept') ?? '').includes('application/json')) return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  const back = new URL(`/f/${encodeURIComponent(slug)}`, request.url);
  if (body.ok) back.searchParams.set('sent', '1');
  // The page can say only what its own catalogue has: an operation's reason, else "check your answers" or "try again".
  else back.searchParams.set('error', body.userMessage.startsWith('publicPage.') ? body.userMessage : body.code === 'VALIDATION' ? 'publicPage.errors.checkFields' : 'publicPage.errors.generic');
  return Response.redirect(back, 303);
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSameOrigin(request)) return reply(request, slug, 403, { ok: false, code: 'FORBIDDEN', userMessage: 'FORBIDDEN' });
  const length = Number(request.headers.get('content-length') ?? 0);
  // The letter's own limit, plus room for the answers; checked again while the letter streams to disk.
  if (length > env().UPLOAD_MAX_BYTES + 256 * 1024) return reply(request, slug, 413, { ok: false, code: 'VALIDATION', userMessage: 'publicPage.errors.letter.tooLarge' });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply(request, slug, 400, { ok: false, code: 'VALIDATION', userMessage: 'publicPage.errors.checkFields' });
  }
  const input: Record<string, unknown> = {};
  let letter: IntakeLetter | undefined;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') input[name] = value;
    else if (name === 'letter' && value.size > 0) letter = { name: value.name, body: value.stream(), declaredSize: value.size };
  }
  try {
    const result = await submitIntake({ firmSlug: slug, input, letter, context: contextFromHeaders(request.headers) });
    return reply(request, slug, 201, { ok: true, data: { appeal: result.appeal, booking: result.booking ? { startsAt: result.booking.startsAt.toISOString() } : null } });
  } catch (error) {
    if (!isAppError(error)) {
      logger().error({ err: error }, 'public form failed');
      return reply(request, slug, 500, { ok: false, code: 'INTERNAL', userMessage: 'INTERNAL' });
    }
    const locale = isPublicLocale(input.language) ? input.language : 'en';
    const { message, fields } = await publicRefusalText(locale, {
      userMessage: error.userMessage,
      fieldErrors: error.details?.fieldErrors as Record<string, string[]> | undefined,
      retryAfterSeconds: error.details?.retryAfterSeconds as number | undefined,
    });
    return reply(request, slug, error.status, { ok: false, code: error.code, userMessage: error.userMessage, message, fields });
  }
}
