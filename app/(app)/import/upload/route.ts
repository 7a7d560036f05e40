import { currentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { createImportJob } from '@/lib/server/import/create-import-job';
import { isSameOrigin } from '@/lib/server/same-origin';
import { MAX_IMPORT_BYTES } from '@/lib/server/import/import-fields';

// Step 1's form posts here rather than to a server action: those stop at 1 MB, a spreadsheet may be 5. The answer
// is always a 303 to a page: the new job's, or the upload page with the reason the file was refused.

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const refused = (reason: string, params: Record<string, unknown> = {}) =>
  seeOther(`/import?${new URLSearchParams({ error: reason, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })}`);

export async function POST(request: Request) {
  const actor = await currentActor();
  if (actor?.kind !== 'staff') return seeOther('/sign-in');
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  if ((await getFirmContext({ actor })).mustEnrollSecondFactor) return seeOther('/account/security?required=1');

  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return refused('missing');
  if (file.size > MAX_IMPORT_BYTES) return refused('tooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  try {
    const { id } = await createImportJob({ actor, input: { fileName: file.name.slice(0, 255) || 'import.csv', bytes: new Uint8Array(await file.arrayBuffer()) } });
    return seeOther(`/import/${id}`);
  } catch (error) {
    if (isAppError(error) && error.userMessage.startsWith('importer.file.')) {
      return refused(error.userMessage.slice('importer.file.'.length), (error.details?.params ?? {}) as Record<string, unknown>);
    }
    if (isAppError(error) && error.code === 'FORBIDDEN') return seeOther('/import');
    throw error;
  }
}
