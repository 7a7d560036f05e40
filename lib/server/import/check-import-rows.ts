import type { Tx } from '@/lib/db';
import { findDuplicateClients } from '@/lib/server/client/find-duplicate-clients';
import { searchable } from '@/lib/server/search-text';
import type { RowIssue, StoredMapping, ValidationReport } from './import-fields';
import { prepareImportRow, type PreparedRow } from './prepare-import-row';

// Every row of a file, checked as far as it can be before writing: the per-row schemas, then what only the
// firm's data can tell (file numbers taken, advisors, people already known) and what only the whole file can
// (the same file number or person twice). Validation and the commit both run it; the commit inside its
// transaction, so what it checked is still true when it writes.

export type CheckedRows = { rows: PreparedRow[]; report: ValidationReport; advisors: Map<string, string> };

// Duplicate lookups run a few at a time: one query per row, without holding every connection of the pool.
const LOOKUP_CONCURRENCY = 4;
const IN_LIST_CHUNK = 1000;

function fail(row: PreparedRow, issue: Omit<RowIssue, 'row' | 'severity'>) {
  row.issues.push({ row: row.row, severity: 'error', ...issue });
  row.client = null;
  row.kase = null;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function takenFileNumbers(db: Tx, firmId: string, numbers: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks([...new Set(numbers)], IN_LIST_CHUNK)) {
    const rows = await db.client.findMany({ where: { firmId, fileNumber: { in: part } }, select: { fileNumber: true } });
    for (const { fileNumber } of rows) taken.add(fileNumber);
  }
  return taken;
}

/** Active members of the firm by email (stored lower-cased): cases go to them only, as on the case form. */
async function firmAdvisors(db: Tx, firmId: string, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const members = await db.membership.findMany({
    where: { firmId, deactivatedAt: null, user: { email: { in: [...new Set(emails)] } } },
    select: { userId: true, user: { select: { email: true } } },
  });
  return new Map(members.map((member) => [member.user.email.toLowerCase(), member.userId]));
}

function checkFileNumbers(rows: PreparedRow[], taken: Set<string>, mapping: StoredMapping) {
  const firstRow = new Map<string, number>();
  const column = mapping.columns.fileNumber;
  for (const row of rows) {
    const fileNumber = row.client?.fileNumber;
    if (!fileNumber) continue;
    const at = { field: 'fileNumber' as const, ...(column === undefined ? {} : { column }), value: fileNumber };
    const earlier = firstRow.get(fileNumber);
    if (taken.has(fileNumber)) fail(row, { ...at, code: 'fileNumberTaken' });
    else if (earlier !== undefined) fail(row, { ...at, code: 'fileNumberRepeated', params: { row: earlier } });
    else firstRow.set(fileNumber, row.row);
  }
}

function checkAdvisors(rows: PreparedRow[], advisors: Map<string, string>, mapping: StoredMapping) {
  const column = mapping.columns.assignedTo;
  for (const row of rows) {
    const email = row.kase?.assignedToEmail;
    if (email && !advisors.has(email)) fail(row, { field: 'assignedTo', ...(column === undefined ? {} : { column }), code: 'assignee', value: email });
  }
}

/** The same person twice in the file: same names and birth date, or the same national register number. */
function warnDuplicatesInFile(rows: PreparedRow[]) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const client = row.client;
    if (!client) continue;
    const keys = [
      client.birthDate ? `person:${searchable(client.firstName)}|${searchable(client.lastName)}|${client.birthDate}` : null,
      client.nationalRegisterNumber ? `nrn:${client.nationalRegisterNumber}` : null,
    ].filter((key): key is string => key !== null);
    const earlier = keys.map((key) => seen.get(key)).find((value) => value !== undefined);
    if (earlier !== undefined) row.issues.push({ row: row.row, severity: 'warning', code: 'duplicateInFile', params: { row: earlier } });
    for (const key of keys) if (!seen.has(key)) seen.set(key, row.row);
  }
}

async function warnExistingClients(db: Tx, firmId: string, rows: PreparedRow[]) {
  const candidates = rows.filter((row) => row.client);
  for (const batch of chunks(candidates, LOOKUP_CONCURRENCY)) {
    await Promise.all(
      batch.map(async (row) => {
        const client = row.client!;
        const [match] = await findDuplicateClients(db, firmId, client);
        if (match) {
          row.issues.push({ row: row.row, severity: 'warning', code: 'duplicateClient', params: { fileNumber: match.fileNumber, name: `${match.firstName} ${match.lastName}` } });
        }
      }),
    );
  }
}

function summarise(rows: PreparedRow[]): ValidationReport {
  const issues = rows.flatMap((row) => row.issues);
  const rowsWith = (severity: RowIssue['severity']) => new Set(issues.filter((issue) => issue.severity === severity).map((issue) => issue.row)).size;
  return {
    checkedAt: new Date().toISOString(),
    rowCount: rows.length,
    errorRows: rowsWith('error'),
    warningRows: rowsWith('warning'),
    clientCount: rows.filter((row) => row.client).length,
    caseCount: rows.filter((row) => row.client && row.kase).length,
    issues,
  };
}

export async function checkImportRows(
  db: Tx,
  { firmId, mapping, lookForDuplicates }: { firmId: string; mapping: StoredMapping; lookForDuplicates: boolean },
): Promise<CheckedRows> {
  const rows = mapping.source.rows.map((_, index) => prepareImportRow(mapping.source, mapping, index));
  const fileNumbers = rows.flatMap((row) => (row.client?.fileNumber ? [row.client.fileNumber] : []));
  checkFileNumbers(rows, await takenFileNumbers(db, firmId, fileNumbers), mapping);
  const advisors = await firmAdvisors(db, firmId, rows.flatMap((row) => (row.kase?.assignedToEmail ? [row.kase.assignedToEmail] : [])));
  checkAdvisors(rows, advisors, mapping);
  warnDuplicatesInFile(rows);
  if (lookForDuplicates) await warnExistingClients(db, firmId, rows);
  for (const row of rows) row.issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { rows, report: summarise(rows), advisors };
}
