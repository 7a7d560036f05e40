import { z } from 'zod';

// The vocabulary of an import: the fields a spreadsheet column can fill, and the shapes kept in ImportJob's JSON
// columns between the steps. `mapping` holds the parsed upload (header and rows) and how its columns map to our
// fields; `report` holds what validation and the commit found.

export const CLIENT_FIELDS = [
  'fileNumber',
  'firstName',
  'lastName',
  'birthDate',
  'nationality',
  'language',
  'email',
  'phone',
  'addressLine',
  'postalCode',
  'commune',
  'nationalRegisterNumber',
  'passportNumber',
] as const;

/** A row with a procedure also opens a case; the other case fields are its first facts. */
export const CASE_FIELDS = ['procedure', 'targetCard', 'stay', 'arrivedOn', 'legalResidenceSince', 'assignedTo'] as const;

export const IMPORT_FIELDS = [...CLIENT_FIELDS, ...CASE_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these mapped, no row could be imported. `language` may instead come from the default. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['firstName', 'lastName', 'nationality'];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Rows shown in the preview; the whole file is validated. */
export const PREVIEW_ROWS = 20;

export const ZImportSource = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  delimiter: z.string(),
  encoding: z.enum(['utf-8', 'windows-1252']),
});
export type ImportSource = z.infer<typeof ZImportSource>;

/** Our field -> the index of the spreadsheet column that fills it. */
export const ZColumnMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.int().min(0));
export type ColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZStoredMapping = z.object({
  source: ZImportSource,
  columns: ZColumnMapping,
  defaultLanguage: z.enum(['en', 'nl', 'fr']).optional(),
});
export type StoredMapping = z.infer<typeof ZStoredMapping>;

export const ISSUE_CODES = [
  // errors: the row cannot be imported as it is
  'required',
  'tooLong',
  'invalid',
  'date',
  'nationality',
  'language',
  'email',
  'nationalRegisterNumber',
  'passportNumber',
  'procedure',
  'card',
  'stay',
  'assignee',
  'fileNumberTaken',
  'fileNumberRepeated',
  'writeFailed',
  // warnings: the row is imported, someone should look at it
  'duplicateInFile',
  'duplicateClient',
  'caseFieldsIgnored',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const ZRowIssue = z.object({
  /** The row as the spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: z.int(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES),
  field: z.enum(IMPORT_FIELDS).optional(),
  /** Index of the spreadsheet column, so the screen can name it as the file does. */
  column: z.int().optional(),
  /** The offending cell, cut short, for errors only. */
  value: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowIssue = z.infer<typeof ZRowIssue>;

export const ZValidationReport = z.object({
  checkedAt: z.string(),
  rowCount: z.int(),
  errorRows: z.int(),
  warningRows: z.int(),
  clientCount: z.int(),
  caseCount: z.int(),
  issues: z.array(ZRowIssue),
});
export type ValidationReport = z.infer<typeof ZValidationReport>;

export const ZImportResult = z.object({
  finishedAt: z.string(),
  clientCount: z.int(),
  caseCount: z.int(),
  /** The first clients created, for links on the summary; the clients table has them all. */
  clients: z.array(z.object({ id: z.string(), fileNumber: z.string(), name: z.string() })),
  /** Why nothing was written, when the commit failed. */
  failure: ZRowIssue.omit({ severity: true }).partial({ row: true }).optional(),
});
export type ImportResult = z.infer<typeof ZImportResult>;

export const ZStoredReport = z.object({
  validation: ZValidationReport.optional(),
  result: ZImportResult.optional(),
});
export type StoredReport = z.infer<typeof ZStoredReport>;

/**
 * A commit writes its progress every few seconds at most; one silent for this long died with its process, and
 * its transaction with it, so nothing was written. The screen says so; the file can be uploaded again.
 */
export const COMMIT_STALE_AFTER_MS = 15 * 60_000;

export function isInterruptedCommit(job: { status: string; updatedAt: Date }, now: Date = new Date()): boolean {
  return job.status === 'COMMITTING' && now.getTime() - job.updatedAt.getTime() > COMMIT_STALE_AFTER_MS;
}

/** How many created clients the summary links to. */
export const RESULT_CLIENT_LINKS = 100;

/** The stored mapping, or null for a job whose upload was cleared after its commit. */
export function readStoredMapping(value: unknown): StoredMapping | null {
  const parsed = ZStoredMapping.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The stored report; a new job's column holds the schema default (an empty array), read as "nothing yet". */
export function readStoredReport(value: unknown): StoredReport {
  const parsed = ZStoredReport.safeParse(value);
  return parsed.success ? parsed.data : {};
}
