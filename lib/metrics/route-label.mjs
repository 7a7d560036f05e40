// The `route` label of the request histogram. Labels must stay a short, fixed list: every distinct value is a
// set of time series kept forever, so a label per client id or per path a scanner tries would grow without end.
// Next's routes manifest (written by `next build`) lists every page and route handler with the pattern that
// matches it, so a request is labelled by its pattern ("/cases/[id]"), exactly as the app is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The patterns of a built app, most specific first (static routes, then dynamic in Next's own order). */
export function loadRoutes(dir = path.join(process.cwd(), '.next')) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'routes-manifest.json'), 'utf8'));
  } catch {
    // No build here (a plain server in a test): every request falls to the id-normalised fallback below.
    return [];
  }
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
}

// Segments that are ids or tokens rather than names: cuids, UUIDs, numbers, long hex or base64url strings.
const ID = /^(?:c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{16,}|[A-Za-z0-9_-]{32,})$/i;

export function createRouteLabeller(routes) {
  // A path none of the patterns matches is a 404 (or a scanner): labelled by its first segment when that is one
  // of the app's own, else all together, so random paths cannot add labels.
  const firstSegments = new Set(routes.map((route) => route.page.split('/')[1]).filter((segment) => segment && !segment.startsWith('[')));
  return function routeLabel(url) {
    const pathname = (url ?? '/').split('?')[0] || '/';
    // Built files (scripts, styles, fonts) are one label; there are hundreds of them and they cost nothing.
    if (pathname.startsWith('/_next/static/')) return '/_next/static';
    if (pathname.startsWith('/_next/')) return pathname.startsWith('/_next/image') ? '/_next/image' : '/_next';
    const matched = routes.find((route) => route.regex.test(pathname));
    if (matched) return matched.page;
    const segments = pathname.split('/').filter(Boolean);
    if (routes.length === 0) return '/' + segments.map((segment) => (ID.test(segment) ? ':id' : segment)).slice(0, 3).join('/');
    const first = segments[0];
    if (!first) return '/';
    return firstSegments.has(first) ? `/${first}/(unmatched)` : '(unmatched)';
  };
}
