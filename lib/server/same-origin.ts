/**
 * Server actions check the Origin for themselves; a route handler that changes data must, so another site cannot
 * post into it with the user's cookies. `strict` also refuses a request that names no origin at all, for routes
 * only our own pages call (browsers always send Origin with a cross-origin or fetch POST).
 */
export function isSameOrigin(request: Request, { strict = false }: { strict?: boolean } = {}): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return !strict || request.headers.get('sec-fetch-site') === 'same-origin';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
