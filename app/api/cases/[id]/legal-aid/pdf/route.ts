import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/server/document/content-disposition';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { legalAidReportPdf } from '@/lib/server/legal-aid/legal-aid-report-pdf';
import { contextFromHeaders } from '@/lib/server/request-context';

// A legal-aid case's closing report as PDF, in the designated lawyer's language. Anyone but an advisor or admin of
// the case's firm gets the 404 of a case that does not exist.

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const notFound = () => new Response('Not found\n', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return notFound();
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return notFound();
  try {
    const { fileName, bytes } = await legalAidReportPdf({ actor, input: { caseId: (await params).id }, context: contextFromHeaders(request.headers) });
    return new Response(Buffer.from(bytes), {
      headers: { ...PRIVATE, 'Content-Type': 'application/pdf', 'Content-Length': String(bytes.byteLength), 'Content-Disposition': contentDisposition('attachment', fileName) },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'VALIDATION')) return notFound();
    throw error;
  }
}
