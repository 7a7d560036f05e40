import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientActor, StaffActor } from '@/lib/auth/actor';
import nlCases from '@/lib/i18n/messages/nl/cases.json';
import type { AppLocale } from '@/lib/i18n/config';
import { setupTestDatabase } from './support/test-database';
import { addCase, addClient, bulkCases } from './support/case-world';
import { createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { exportCases, csvByteStream, EXPORT_BATCH_SIZE, EXPORT_COLUMNS } = await import('@/lib/server/case/export-cases');
const { listCases } = await import('@/lib/server/case/list-cases');
const { CASE_SORT_KEYS } = await import('@/lib/server/case/cases-query');

const db = getDb();
const CASES = 5_000;

let big: FirmWithStaff;
let other: FirmWithStaff;

beforeAll(async () => {
  big = await createFirmWithStaff('Export');
  other = await createFirmWithStaff('Elsewhere');
  await bulkCases(big.firm, CASES, big.advisor.user.id);
  const stranger = await addClient(other.firm, { firstName: 'Bulk', lastName: 'Bulk00001', fileNumber: 'BULK-00001' });
  await addCase(other.firm, stranger, { reference: 'BULK-00001-1', stage: 'INTAKE', nextDeadlineOn: '2027-01-01' });
}, 120_000);

type Exported = { text: string; chunks: string[]; rowCount: number; fileName: string };

async function runExport(actor: StaffActor, query: Record<string, string>, options: { locale?: AppLocale; batchSize?: number } = {}): Promise<Exported> {
  const started = await exportCases({ actor, query, locale: options.locale ?? 'en', context: newContext(), batchSize: options.batchSize });
  const chunks: string[] = [];
  for await (const chunk of started.chunks) chunks.push(chunk);
  return { text: chunks.join(''), chunks, rowCount: started.rowCount, fileName: started.fileName };
}

function parse(text: string): string[][] {
  const { data, errors } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  expect(errors).toEqual([]);
  return data;
}

/** Every reference of a filter as the table lists it, page by page. */
async function tableOrder(actor: StaffActor, query: Record<string, string>): Promise<string[]> {
  const references: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listCases({ actor, query: { ...query, page: String(page), pageSize: '100' } });
    references.push(...result.rows.map((row) => row.reference));
    if (page >= result.pageCount) return references;
  }
}

describe('exportCases', () => {
  it('streams every case of the firm, in batches, with a BOM and the header in the reader’s language', async () => {
    const exported = await runExport(big.advisor.actor, {}, { locale: 'nl' });
    expect(exported.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(exported.text);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((column) => nlCases.casesTable.columns[column]));
    expect(rows[0]?.slice(0, 3)).toEqual(['Referentie', 'Cliënt', 'Dossiernummer cliënt']);
    expect(rows).toHaveLength(CASES + 1);
    expect(exported.rowCount).toBe(CASES);
    // The header, then one chunk per batch of at most 2,000 rows: memory holds one batch, never the whole firm.
    // (Dated and undated cases are read in separate runs, so there may be one short batch more.)
    const batches = exported.chunks.slice(1).map((chunk) => chunk.split('\r\n').filter(Boolean).length);
    expect(batches.every((size) => size >= 1 && size <= EXPORT_BATCH_SIZE)).toBe(true);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(CASES / EXPORT_BATCH_SIZE) + 1);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(CASES);
    expect(exported.fileName).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
    // Labels in Dutch too, and dates as ISO days.
    expect(rows.slice(1).find((row) => row[0] === 'BULK-00000-1')).toEqual([
      'BULK-00000-1', 'First0 Bulk00000', 'BULK-00000', 'Gezinshereniging', 'Intake', '', '', '2027-01-01', expect.any(String), big.advisor.user.name, 'Antwerpen', '', '', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    ]);
  }, 60_000);

  it('follows the filter and the table’s order exactly, across batch boundaries', async () => {
    const query = { stage: 'REFUSED,INTAKE', sort: 'nextDeadlineOn', dir: 'desc' };
    const exported = await runExport(big.admin.actor, query, { batchSize: 333 });
    const references = parse(exported.text).slice(1).map((row) => row[0]);
    expect(references).toHaveLength(2_000);
    expect(references).toEqual(await tableOrder(big.admin.actor, query));
  }, 60_000);

  it.each(CASE_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))(
    'reads keyset batches in the table’s order when sorted by %s %s',
    async (sort, dir) => {
      const query = { q: 'bulk001', sort, dir };
      const exported = await runExport(big.admin.actor, query, { batchSize: 7 });
      const references = parse(exported.text).slice(1).map((row) => row[0]);
      expect(references.length).toBeGreaterThan(100);
      expect(references).toEqual(await tableOrder(big.admin.actor, query));
    },
    60_000,
  );

  it('keeps firms apart: another firm’s export never holds these cases, even for the same search', async () => {
    const exported = await runExport(other.admin.actor, { q: 'bulk' });
    expect(parse(exported.text).slice(1).map((row) => row[0])).toEqual(['BULK-00001-1']);
  });

  it('records export.created with the filter and the row count when the export starts', async () => {
    const before = await db.auditLog.count({ where: { firmId: big.firm.id, action: 'export.created' } });
    const started = await exportCases({ actor: big.assistant.actor, query: { stage: 'REFUSED', q: 'bulk', sort: 'reference' }, locale: 'fr', context: newContext() });
    // Written before a single row is read: an abandoned download has still disclosed data.
    const row = await db.auditLog.findFirstOrThrow({ where: { firmId: big.firm.id, action: 'export.created' }, orderBy: { id: 'desc' } });
    expect(await db.auditLog.count({ where: { firmId: big.firm.id, action: 'export.created' } })).toBe(before + 1);
    expect(row).toMatchObject({
      entity: 'export',
      actorKind: 'STAFF',
      actorUserId: big.assistant.user.id,
      diff: { after: { of: 'cases', format: 'csv', filter: { stage: ['REFUSED'], q: 'bulk' }, sort: 'reference', dir: 'asc', rowCount: CASES / 5, locale: 'fr' } },
    });
    await started.chunks.return(undefined);
  });

  it('stops reading when the reader goes away', async () => {
    const started = await exportCases({ actor: big.admin.actor, query: {}, locale: 'en', context: newContext() });
    const reader = csvByteStream(started.chunks).getReader();
    const first = await reader.read();
    // The UTF-8 BOM (EF BB BF) is what makes Excel read the accents right.
    expect([...(first.value ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(first.value).startsWith('Reference;Client;')).toBe(true);
    await reader.cancel();
    expect(await started.chunks.next()).toEqual({ done: true, value: undefined });
  });

  it('keeps a formula typed as a client name as text', async () => {
    const firm = await createFirmWithStaff('Formula');
    const client = await addClient(firm.firm, { firstName: '=HYPERLINK("http://evil")', lastName: '+1', fileNumber: '@F-1' });
    await addCase(firm.firm, client, { reference: 'X-1' });
    const rows = parse((await runExport(firm.admin.actor, {})).text);
    expect(rows[1]?.slice(0, 3)).toEqual(['X-1', `'=HYPERLINK("http://evil") +1`, `'@F-1`]);
  });

  it('neutralises a cell starting with =, +, -, @, a tab or a carriage return in every column people type, and leaves the rest as typed', async () => {
    const firm = await createFirmWithStaff('Formulae');
    const client = await addClient(firm.firm, { firstName: '@SUM(A1)', lastName: 'Jean-Luc', fileNumber: '\t=1+1', commune: '\r=cmd|/c calc' });
    await addCase(firm.firm, client, { reference: '-2+3', dvzFileNumber: '=HYPERLINK("http://evil","x")', rvvRollNumber: '+32 2 555 01 01' });
    const plain = await addClient(firm.firm, { firstName: 'Marie', lastName: 'Dupont-Lefèvre', fileNumber: '2026-0001', commune: 'Ixelles' });
    await addCase(firm.firm, plain, { reference: '2026-0001-1', dvzFileNumber: '1234567', rvvRollNumber: '312 456' });
    const rows = parse((await runExport(firm.admin.actor, { sort: 'reference', dir: 'asc' })).text).slice(1);
    const cells = (row: string[] | undefined) => {
      const at = (name: (typeof EXPORT_COLUMNS)[number]) => row?.[EXPORT_COLUMNS.indexOf(name)];
      return [at('reference'), at('client'), at('fileNumber'), at('commune'), at('dvzFileNumber'), at('rvvRollNumber')];
    };
    const hostile = rows.find((row) => row[0]?.includes('-2+3'));
    // OWASP's advice: a leading apostrophe makes a spreadsheet show the cell as text. A phone-like "+32 ..."
    // roll number gets it too; it reads the same.
    expect(cells(hostile)).toEqual([`'-2+3`, `'@SUM(A1) Jean-Luc`, `'\t=1+1`, `'\r=cmd|/c calc`, `'=HYPERLINK("http://evil","x")`, `'+32 2 555 01 01`]);
    expect(cells(rows.find((row) => row[0] === '2026-0001-1'))).toEqual(['2026-0001-1', 'Marie Dupont-Lefèvre', '2026-0001', 'Ixelles', '1234567', '312 456']);
  });

  it('is refused to a client, and then records nothing', async () => {
    const portal = await createClient(big.firm, { withPortal: true });
    const before = await db.auditLog.count({ where: { firmId: big.firm.id } });
    await expectAppError(
      exportCases({ actor: portal.actor as ClientActor as unknown as StaffActor, query: {}, locale: 'en', context: newContext() }),
      'FORBIDDEN',
    );
    expect(await db.auditLog.count({ where: { firmId: big.firm.id } })).toBe(before);
  });
});
