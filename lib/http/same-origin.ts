// Cross-site request forgery guard for everything that changes state. Next checks the Origin of server actions
// but lets a request without one through, and route handlers get no check at all; a signed-in lawyer's browser
// must never carry a write that another site started. The decision is pure so it can be tested without a server.

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type OriginVerdict = { allowed: true } | { allowed: false; reason: 'cross-origin' | 'no-origin' };

type RequestLike = { method: string; url: string; headers: Headers };

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/**
 * The origin the request was addressed to, as the browser saw it. Behind a reverse proxy that is the forwarded
 * host and protocol, the same headers Auth.js reads with `trustHost`; a page on another site cannot set them
 * (a custom header on a cross-site request needs a CORS preflight that this app never grants).
 */
export function requestOrigin({ url, headers }: Omit<RequestLike, 'method'>): string {
  const own = new URL(url);
  const host = first(headers.get('x-forwarded-host')) ?? headers.get('host') ?? own.host;
  const proto = first(headers.get('x-forwarded-proto'))?.replace(/:$/, '') ?? own.protocol.slice(0, -1);
  // Through URL, so a default port written out (example.be:443) compares equal to the browser's Origin.
  return originOf(`${proto}://${host}`) ?? '';
}

function originOf(value: string): string | null {
  try {
    const parsed = new URL(value);
    return parsed.origin === 'null' ? null : parsed.origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Safe methods always pass. An unsafe one passes when its Origin is the request's own origin or one of
 * `trustedOrigins()` (the configured APP_URL); without an Origin, only when the browser says the request came
 * from this very origin (Sec-Fetch-Site: same-origin). Anything else (another site, "null" from a sandboxed
 * frame, a hand-made request with neither header) is refused.
 */
export function checkSameOrigin(request: RequestLike, trustedOrigins: () => readonly string[] = () => []): OriginVerdict {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const header = request.headers.get('origin');
  if (header !== null) {
    const origin = originOf(header);
    if (origin === null) return { allowed: false, reason: 'cross-origin' };
    // The trusted origins are read only when needed: the configuration is then parsed on a write, never on a page view.
    if (origin === requestOrigin(request) || trustedOrigins().some((trusted) => originOf(trusted) === origin)) return { allowed: true };
    return { allowed: false, reason: 'cross-origin' };
  }
  return request.headers.get('sec-fetch-site') === 'same-origin' ? { allowed: true } : { allowed: false, reason: 'no-origin' };
}
