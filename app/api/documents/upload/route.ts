import { uploadDocument } from '@/lib/server/document/upload-document';
import { uploadResponse } from '@/lib/server/http/upload-response';

export async function POST(request: Request) {
  return uploadResponse(request, ({ actor, query, file, context }) => uploadDocument({ actor, input: query, file, context }));
}
