import { AppError } from '@/lib/errors';
import { uploadDecisionLetter } from '@/lib/server/decision/upload-decision-letter';
import { uploadResponse } from '@/lib/server/http/upload-response';

// Reading a scan takes a few seconds per page (OCR); the default limit of a serverless host would cut it off.
export const maxDuration = 120;

export async function POST(request: Request) {
  return uploadResponse(request, ({ actor, query, file, context }) => {
    if (actor.kind !== 'staff') throw new AppError('NOT_FOUND');
    return uploadDecisionLetter({ actor, input: query, file, context });
  });
}
