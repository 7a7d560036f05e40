import { readMetrics } from '@/lib/server/metrics/read-metrics';

// Prometheus scrapes this with `Authorization: Bearer $METRICS_TOKEN` (README, Configuration).

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

export async function GET(request: Request) {
  const result = await readMetrics({ authorization: request.headers.get('authorization') });
  if (result.status === 404) return new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (result.status === 401) {
    return new Response('Unauthorized\n', { status: 401, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"' } });
  }
  return new Response(result.body, { status: 200, headers: { ...PRIVATE, 'Content-Type': result.contentType } });
}
