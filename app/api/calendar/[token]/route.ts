import { buildCalendarFeed } from '@/lib/server/calendar/build-calendar-feed';
import { tokenFromPathSegment } from '@/lib/server/calendar/calendar-feed-url';

// Calendar apps fetch this without a session: the secret token in the path is the credential. Nothing may
// cache it (it names clients), and an unknown, revoked or deactivated member's token is simply not found.

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = tokenFromPathSegment((await params).token);
  const body = token ? await buildCalendarFeed({ token }) : null;
  if (body === null) return new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(body, {
    status: 200,
    headers: { ...PRIVATE, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="sejour.ics"' },
  });
}
