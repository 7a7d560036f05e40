import { getLocale } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { isAppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { csvByteStream, exportCases } from '@/lib/server/case/export-cases';
import { contextFromHeaders } from '@/lib/server/request-context';

export const dynamic = 'force-dynamic';

/** GET /cases/export?<the table's search params>: the current filter and sort as a CSV download. */
export async function GET(request: Request) {
  const actor = await requireWorkingStaff();
  const locale = await getLocale();
  try {
    const exported = await exportCases({
      actor,
      query: new URL(request.url).searchParams,
      locale: isLocale(locale) ? locale : 'en',
      context: contextFromHeaders(request.headers),
    });
    return new Response(csvByteStream(exported.chunks), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exported.fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.userMessage, { status: error.status });
    throw error;
  }
}
