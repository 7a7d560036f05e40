import type { z } from 'zod';
import { ZCreateCase } from '@/lib/server/case/case-schemas';
import { ZClientInput } from '@/lib/server/client/client-schemas';
import { CASE_FIELDS, CLIENT_FIELDS, type ImportField, type ImportSource, type IssueCode, type RowIssue, type StoredMapping } from './import-fields';
import { isKnownNationality, readCard, readDate, readLanguage, readNationality, readProcedure, readStay } from './import-values';

// One spreadsheet row read through the mapping and checked with the same schemas as the new-client and new-case
// forms. Pure: what needs the database (file numbers taken, advisors, existing clients) is checked afterwards.

export type ClientData = z.output<typeof ZClientInput>;
export type CaseData = Omit<z.output<typeof ZCreateCase>, 'clientId' | 'assignedToId'> & { assignedToEmail?: string };

export type PreparedRow = {
  /** Spreadsheet numbering: the header is row 1. */
  row: number;
  client: ClientData | null;
  kase: CaseData | null;
  issues: RowIssue[];
};

const READERS: Partial<Record<ImportField, (cell: string) => string>> = {
  birthDate: readDate,
  arrivedOn: readDate,
  legalResidenceSince: readDate,
  nationality: readNationality,
  language: readLanguage,
  procedure: readProcedure,
  targetCard: readCard,
  stay: readStay,
};

// Our schemas' own messages that already say what is wrong, per field.
const FIELD_CODES: Partial<Record<ImportField, IssueCode>> = {
  birthDate: 'date',
  arrivedOn: 'date',
  legalResidenceSince: 'date',
  nationality: 'nationality',
  language: 'language',
  email: 'email',
  nationalRegisterNumber: 'nationalRegisterNumber',
  passportNumber: 'passportNumber',
  procedure: 'procedure',
  targetCard: 'card',
  stay: 'stay',
};

const MAX_SHOWN_VALUE = 60;

function issueCode(field: ImportField, issue: z.ZodError['issues'][number], cell: string | undefined): IssueCode {
  if (!cell) return 'required';
  if (issue.code === 'too_big') return 'tooLong';
  return FIELD_CODES[field] ?? 'invalid';
}

export function prepareImportRow(source: ImportSource, mapping: Pick<StoredMapping, 'columns' | 'defaultLanguage'>, index: number): PreparedRow {
  const row = index + 2;
  const cells = source.rows[index] ?? [];
  const issues: RowIssue[] = [];
  const cellOf = (field: ImportField) => {
    const column = mapping.columns[field];
    return column === undefined ? undefined : (cells[column] ?? '');
  };
  const valueOf = (field: ImportField) => {
    const cell = cellOf(field);
    if (cell === undefined || cell === '') return undefined;
    return READERS[field]?.(cell) ?? cell;
  };
  const problem = (field: ImportField, code: IssueCode) => {
    const cell = cellOf(field);
    const column = mapping.columns[field];
    issues.push({
      row,
      severity: 'error',
      code,
      field,
      ...(column === undefined ? {} : { column }),
      ...(cell ? { value: cell.slice(0, MAX_SHOWN_VALUE) } : {}),
    });
  };
  const report = (error: z.ZodError) => {
    const seen = new Set<string>();
    for (const issue of error.issues) {
      const field = issue.path[0] as ImportField | undefined;
      if (!field || seen.has(field)) continue;
      seen.add(field);
      problem(field, issueCode(field, issue, cellOf(field)));
    }
  };

  const clientInput: Record<string, unknown> = Object.fromEntries(CLIENT_FIELDS.map((field) => [field, valueOf(field)]));
  clientInput.language ??= mapping.defaultLanguage;
  // Duplicates are warnings in an import; the person confirms them by committing.
  clientInput.confirmDuplicate = true;
  const client = ZClientInput.safeParse(clientInput);
  if (!client.success) report(client.error);
  else if (!isKnownNationality(client.data.nationality)) problem('nationality', 'nationality');

  let kase: CaseData | null = null;
  const procedure = valueOf('procedure');
  const assignedToEmail = valueOf('assignedTo')?.trim().toLowerCase();
  if (procedure === undefined) {
    if (CASE_FIELDS.some((field) => valueOf(field) !== undefined)) issues.push({ row, severity: 'warning', code: 'caseFieldsIgnored' });
  } else {
    const caseInput = Object.fromEntries(CASE_FIELDS.filter((field) => field !== 'assignedTo').map((field) => [field, valueOf(field)]));
    const parsed = ZCreateCase.safeParse({ ...caseInput, clientId: 'import' });
    if (!parsed.success) report(parsed.error);
    else {
      const { clientId: _clientId, assignedToId: _assignedToId, ...data } = parsed.data;
      kase = { ...data, ...(assignedToEmail ? { assignedToEmail } : {}) };
    }
  }
  const valid = issues.every((issue) => issue.severity !== 'error');
  return { row, client: valid && client.success ? client.data : null, kase: valid ? kase : null, issues };
}
