import { z } from 'zod';

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const optionalId = z.preprocess(blank, z.string().min(1).max(64).optional());

/** J-Box takes Dutch or French; the language of procedure decides the inventory's and the file names' language. */
export const ZProcedureLanguage = z.enum(['nl', 'fr']);

export const ZSaveAppealFiling = z.object({
  caseId: z.string().min(1).max(64),
  language: ZProcedureLanguage,
  petitionDocumentId: optionalId,
  decisionDocumentId: optionalId,
  // FormData sends one value per checkbox; a single choice arrives as a string.
  annexDocumentIds: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1).max(64)).max(60)),
});

export const ZCaseRef = z.object({ caseId: z.string().min(1).max(64) });

export const ZRecordSubmission = z.object({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  // As the advisor reads it on the J-Box confirmation, Brussels wall-clock time.
  submittedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'badDateTime'),
  receipt: z.string().trim().min(1).max(200),
});

export const ZRecordRollNumber = z.object({
  caseId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  rollNumber: z.string().trim().min(1).max(40),
});
