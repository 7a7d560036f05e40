import { isIP } from 'node:net';
import { headers } from 'next/headers';
import type { RequestContext } from '@/lib/server/audit/audit-types';

// Who is on the other end of a request, for the audit log and the per-IP rate limits.
// The first x-forwarded-for hop is the client only when the reverse proxy in front of the app overwrites that
// header (docker-compose's proxy, every managed load balancer do); a client could otherwise pick its own IP.

const MAX_USER_AGENT = 512;

/** A bare IP address, or null for anything else: ports and IPv4-mapped IPv6 are reduced so one client has one key. */
function cleanIp(raw: string | null | undefined): string | null {
  let value = raw?.trim();
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/** Pure: the context of any Headers object (route handlers' request.headers, tests). */
export function contextFromHeaders(source: Headers): RequestContext {
  const firstHop = source.get('x-forwarded-for')?.split(',')[0];
  const ip = cleanIp(firstHop) ?? cleanIp(source.get('x-real-ip'));
  const userAgent = source.get('user-agent')?.trim().slice(0, MAX_USER_AGENT) || null;
  return { ip, userAgent };
}

/** The current request's context, in server components and server actions. */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
