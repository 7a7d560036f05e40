import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/server/validate';
import { checkImportRows } from './check-import-rows';
import { IMPORT_FIELDS, readStoredMapping, REQUIRED_FIELDS, type ColumnMapping, type ImportField, type StoredMapping, type ValidationReport } from './import-fields';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const ZColumnChoice = z.preprocess(blank, z.coerce.number().int().min(0).optional());
const columnChoices = Object.fromEntries(IMPORT_FIELDS.map((field) => [`column.${field}`, ZColumnChoice])) as { [F in ImportField as `column.${F}`]: typeof ZColumnChoice };

/** The mapping form: one select per field, named `column.<field>`, holding a column index or "" for none. */
export const ZImportMappingInput = z.object({
  jobId: z.string().min(1),
  defaultLanguage: z.preprocess(blank, z.enum(['en', 'nl', 'fr']).optional()),
  ...columnChoices,
});

// A job can be (re)checked until its commit starts; a failed commit wrote nothing and can be checked again.
const CHECKABLE = ['UPLOADED', 'VALIDATED', 'FAILED'] as const;

/**
 * Steps 2 and 3: saves the column mapping and checks every row with it. A file without errors is VALIDATED and
 * can be committed; one with errors stays UPLOADED with its report, to fix the mapping or the file.
 */
export async function validateImport({ actor, input }: { actor: StaffActor; input: unknown }): Promise<{ status: 'UPLOADED' | 'VALIDATED'; report: ValidationReport }> {
  assertCan(actor, 'import.run');
  const data = parseInput(ZImportMappingInput, input);
  const job = await getDb().importJob.findFirst({ where: { id: data.jobId, firmId: actor.firmId }, select: { status: true, mapping: true } });
  if (!job) throw new AppError('NOT_FOUND');
  const stored = readStoredMapping(job.mapping);
  if (!stored || !(CHECKABLE as readonly string[]).includes(job.status)) {
    throw new AppError('CONFLICT', { message: `import job is ${job.status}`, userMessage: 'importer.notCheckable' });
  }

  const columns: ColumnMapping = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of IMPORT_FIELDS) {
    const column = data[`column.${field}`];
    if (column === undefined) continue;
    if (column >= stored.source.headers.length) fieldErrors[`column.${field}`] = ['invalid'];
    else columns[field] = column;
  }
  for (const field of REQUIRED_FIELDS) if (columns[field] === undefined) fieldErrors[`column.${field}`] = ['required'];
  if (columns.language === undefined && !data.defaultLanguage) fieldErrors['column.language'] = ['required'];
  if (Object.keys(fieldErrors).length) {
    throw new AppError('VALIDATION', { message: 'incomplete import mapping', userMessage: 'importer.mappingIncomplete', details: { fieldErrors } });
  }

  const mapping: StoredMapping = { source: stored.source, columns, ...(data.defaultLanguage ? { defaultLanguage: data.defaultLanguage } : {}) };
  // Read-only checks, outside any transaction; the commit runs them again under its lock before writing.
  const { report } = await checkImportRows(getDb(), { firmId: actor.firmId, mapping, lookForDuplicates: true });
  const status = report.errorRows ? 'UPLOADED' : 'VALIDATED';
  const saved = await getDb().importJob.updateMany({
    where: { id: data.jobId, firmId: actor.firmId, status: { in: [...CHECKABLE] } },
    data: { mapping, report: { validation: report }, status, processedRows: 0 },
  });
  if (!saved.count) throw new AppError('CONFLICT', { message: 'import job changed while checking', userMessage: 'importer.notCheckable' });
  return { status, report };
}
