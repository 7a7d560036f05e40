import type { Actor } from '@/lib/auth/actor';
import { privateFileResponse } from '@/lib/server/http/file-response';
import { contextFromHeaders } from '@/lib/server/request-context';
import { openFeeNoteFile } from './open-fee-note-file';

// The response of the fee-note routes (staff: app/api/fee-notes/[id]/{pdf,ubl}; portal: app/api/portal/fee-notes/[id]).
export const feeNoteDownload = (request: Request, actor: Actor, feeNoteId: string, kind: 'pdf' | 'ubl'): Promise<Response> =>
  privateFileResponse(() => openFeeNoteFile({ actor, feeNoteId, kind, context: contextFromHeaders(request.headers) }));
