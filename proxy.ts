import { NextResponse, type NextRequest } from 'next/server';
import { IS_PRODUCTION } from '@/lib/env';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { choosePublicLocale, PUBLIC_LOCALE_HEADER, servesPublicLocale } from '@/lib/i18n/public-locales';
import { isSameOrigin } from '@/lib/server/same-origin';

// Security headers on every response, with a fresh CSP nonce per request: Next streams inline scripts for
// hydration, and a nonce is what lets them run without allowing 'unsafe-inline' scripts.
// Before that, writes from another site are refused: server actions, uploads and Auth.js alike (lib/http/same-origin).
export function proxy(request: NextRequest) {
  if (!isSameOrigin(request)) {
    return new NextResponse('Cross-origin request refused', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${IS_PRODUCTION ? '' : " 'unsafe-eval'"}`,
    // React sets style attributes (progress bars); no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(IS_PRODUCTION ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // The pages for people who are not yet clients also speak German; which language they are read in is decided
  // here, where the path is known (lib/i18n/request.ts reads it). Whatever the browser sent under that name goes.
  requestHeaders.delete(PUBLIC_LOCALE_HEADER);
  if (servesPublicLocale(request.nextUrl.pathname)) {
    const locale = choosePublicLocale({ requested: request.nextUrl.searchParams.get('lang'), cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get('accept-language') });
    requestHeaders.set(PUBLIC_LOCALE_HEADER, locale);
  }
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (IS_PRODUCTION && request.nextUrl.protocol === 'https:') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  }
  return response;
}

export const config = {
  // Not for static files and images: they carry no script and the nonce would only cost time.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
