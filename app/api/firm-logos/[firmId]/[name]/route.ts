import { isAppError } from '@/lib/errors';
import { openFirmLogo } from '@/lib/server/firm/open-firm-logo';

// Public on purpose: the image at the top of the firm's emails, fetched by mail clients without a session.
// The address changes with every upload, so it may be cached for good. Only an image whose bytes match its type
// (openFirmLogo), said with nosniff, shown inline, and sandboxed should a browser ever render it as a document.
export async function GET(_request: Request, { params }: { params: Promise<{ firmId: string; name: string }> }) {
  const { firmId, name } = await params;
  try {
    const logo = await openFirmLogo({ firmId, name });
    return new Response(logo.bytes, {
      headers: {
        'Content-Type': logo.contentType,
        'Content-Length': String(logo.size),
        'Content-Disposition': `inline; filename="logo.${logo.extension}"`,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
    throw error;
  }
}
