import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { searchWorkspace } from '@/lib/server/search/search-workspace';

// The command palette asks here as someone types. Only staff of a firm search it; anyone else gets the same 404 as
// a path that does not exist, and the answer is never cached (it names clients).

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const notFound = () => new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return notFound();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  try {
    const result = await searchWorkspace({ actor, input: { q: new URL(request.url).searchParams.get('q') ?? '' } });
    return Response.json(result, { headers: PRIVATE });
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION') return Response.json({ clients: [], cases: [] }, { status: 400, headers: PRIVATE });
    if (isAppError(error) && error.code === 'FORBIDDEN') return notFound();
    throw error;
  }
}
