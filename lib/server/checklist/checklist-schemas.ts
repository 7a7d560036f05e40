import { z } from 'zod';
import { DOCUMENT_KINDS } from '@/lib/rules/vocabulary';

// One schema per checklist form, shared by the form and the operation (FormData arrives as strings).

const id = z.string().min(1).max(64);

export const ZAddChecklistItem = z.object({
  caseId: id,
  documentKind: z.enum(DOCUMENT_KINDS, { message: 'kindRequired' }),
  label: z.string().trim().min(1, 'labelRequired').max(200, 'labelTooLong'),
});

export const ZRemoveChecklistItem = z.object({ itemId: id });

export const ZRequestChecklistItems = z.object({
  caseId: id,
  itemIds: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(id).min(1, 'pickOne').max(100)),
});

// The version the reviewer was looking at: a newer upload since makes the decision stale, not silently applied to it.
const seenVersion = z.preprocess((v) => (v === '' ? undefined : v), id.optional());

export const ZReviewChecklistItem = z.discriminatedUnion('decision', [
  z.object({ itemId: id, versionId: seenVersion, decision: z.literal('APPROVE') }),
  // The client reads the reason in the portal: it must say what to do, so it cannot be empty.
  z.object({ itemId: id, versionId: seenVersion, decision: z.literal('REJECT'), reason: z.string().trim().min(3, 'reasonRequired').max(1000, 'reasonTooLong') }),
]);
