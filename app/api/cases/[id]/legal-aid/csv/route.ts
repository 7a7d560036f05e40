import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { exportLegalAidReportCsv } from '@/lib/server/legal-aid/export-legal-aid-report-csv';
import { contextFromHeaders } from '@/lib/server/request-context';

// A legal-aid case's closing report as CSV. Anyone but an advisor or admin of the case's firm gets the 404 of a
// case that does not exist.

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const notFound = () => new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return notFound();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  try {
    const { fileName, body } = await exportLegalAidReportCsv({ actor, input: { caseId: (await params).id }, context: contextFromHeaders(request.headers) });
    return new Response(body, { headers: { ...PRIVATE, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': contentDisposition('attachment', fileName) } });
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'VALIDATION')) return notFound();
    throw error;
  }
}
