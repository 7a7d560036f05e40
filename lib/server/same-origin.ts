import { env } from '@/lib/env';
import { checkSameOrigin } from '@/lib/http/same-origin';

/**
 * proxy.ts refuses every cross-site write before a route runs; the route handlers that change data ask again, so a
 * narrower proxy matcher one day cannot open them. Same rule as the proxy: the request's own origin or APP_URL,
 * or no Origin with Sec-Fetch-Site: same-origin.
 */
export function isSameOrigin(request: Request): boolean {
  return checkSameOrigin(request, () => [env().APP_URL]).allowed;
}
