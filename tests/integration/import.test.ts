import { describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, firmSnapshot, newContext, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createImportJob } = await import('@/lib/server/import/create-import-job');
const { validateImport } = await import('@/lib/server/import/validate-import');
const { commitImport } = await import('@/lib/server/import/commit-import');
const { getImportJob } = await import('@/lib/server/import/get-import-job');
const { getImportProgress } = await import('@/lib/server/import/get-import-progress');
const { listImportJobs } = await import('@/lib/server/import/list-import-jobs');
const { createClient } = await import('@/lib/server/client/create-client');
const { createCase } = await import('@/lib/server/case/create-case');
const { brusselsDate } = await import('@/lib/dates');

const db = getDb();

// Dutch titles, semicolons and day-first dates: a spreadsheet as a Flemish firm exports it from Excel.
const HEADERS = ['Dossiernummer', 'Voornaam', 'Naam', 'Geboortedatum', 'Nationaliteit', 'Taal', 'E-mail', 'Procedure', 'Verblijf', 'Aankomst', 'Adviseur'];
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

function csv(rows: Row[]): Uint8Array {
  const lines = [HEADERS.join(';'), ...rows.map((row) => HEADERS.map((header) => row[header] ?? '').join(';'))];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function person(i: number, tag: string, extra: Row = {}): Row {
  return {
    Voornaam: `Voornaam${i}`,
    Naam: `Import ${tag} ${i}`,
    Geboortedatum: `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/1985`,
    Nationaliteit: ['Marokko', 'MA', 'Turkije', 'Syrië'][i % 4],
    Taal: ['Frans', 'nl', 'English'][i % 3],
    'E-mail': `person${i}.${tag}@client.example.test`,
    ...extra,
  };
}

/** The mapping form as the page submits it: the suggested column per field. */
async function mappingForm(actor: StaffActor, jobId: string, extra: Record<string, string> = {}) {
  const job = await getImportJob({ actor, input: { jobId } });
  const columns = Object.fromEntries(Object.entries(job.mapping?.columns ?? {}).map(([field, column]) => [`column.${field}`, String(column)]));
  return { jobId, ...columns, ...extra };
}

async function upload(actor: StaffActor, rows: Row[]) {
  const { id } = await createImportJob({ actor, input: { fileName: `clients-${unique()}.csv`, bytes: csv(rows) } });
  return id;
}

async function uploadAndValidate(actor: StaffActor, rows: Row[]) {
  const jobId = await upload(actor, rows);
  const validation = await validateImport({ actor, input: await mappingForm(actor, jobId) });
  return { jobId, validation };
}

const countsOf = async (firmId: string) => ({
  clients: await db.client.count({ where: { firmId } }),
  cases: await db.case.count({ where: { firmId } }),
  deadlines: await db.deadline.count({ where: { firmId } }),
});

describe('importing clients and cases from a spreadsheet', () => {
  it('imports a valid file of 500 rows: every client, every case with its computed deadlines, with progress up to the total', async () => {
    const w: FirmWithStaff = await createFirmWithStaff('Import');
    const tag = unique();
    const rows = Array.from({ length: 500 }, (_, i) =>
      person(i, tag, {
        // Half bring their own file number; the others get the firm's next ones.
        Dossiernummer: i % 2 === 0 ? `IMP-${tag}-${i}` : '',
        Procedure: 'Inschrijving (niet-EU-onderdaan)',
        Verblijf: 'lang',
        Aankomst: '05/01/2026',
        Adviseur: i % 3 === 0 ? w.advisor.email.toUpperCase() : '',
      }),
    );
    const { jobId, validation } = await uploadAndValidate(w.admin.actor, rows);
    expect(validation.status).toBe('VALIDATED');
    expect(validation.report).toMatchObject({ rowCount: 500, errorRows: 0, warningRows: 0, clientCount: 500, caseCount: 500 });

    const seen: { status: string; processedRows: number; totalRows: number }[] = [];
    const commit = commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() });
    await expect
      .poll(
        async () => {
          const progress = await getImportProgress({ actor: w.admin.actor, input: { jobId } });
          seen.push(progress);
          return progress.status;
        },
        { timeout: 240_000, interval: 50 },
      )
      .toBe('COMMITTED');
    const outcome = await commit;
    expect(outcome).toMatchObject({ status: 'COMMITTED', result: { clientCount: 500, caseCount: 500 } });
    // The bar moved while the transaction was still open, and ended at the total.
    expect(seen.some((p) => p.status === 'COMMITTING' && p.processedRows > 0 && p.processedRows < 500)).toBe(true);
    expect(seen.map((p) => p.processedRows)).toEqual([...seen.map((p) => p.processedRows)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ status: 'COMMITTED', processedRows: 500, totalRows: 500 });

    const clients = await db.client.findMany({ where: { firmId: w.firm.id }, include: { cases: { include: { deadlines: true } } }, orderBy: { createdAt: 'asc' } });
    expect(clients).toHaveLength(500);
    const byName = new Map(clients.map((client) => [client.firstName, client]));
    const first = byName.get('Voornaam0')!;
    expect(first).toMatchObject({ fileNumber: `IMP-${tag}-0`, nationality: 'MA', language: 'fr', citizenship: 'NON_EU', email: `person0.${tag}@client.example.test` });
    expect(first.birthDate?.toISOString().slice(0, 10)).toBe('1985-01-01');
    expect(byName.get('Voornaam1')!.fileNumber).toMatch(new RegExp(`^${brusselsDate().slice(0, 4)}-\\d{4}$`));
    expect(byName.get('Voornaam2')!).toMatchObject({ nationality: 'TR', language: 'en' });
    expect(new Set(clients.map((client) => client.fileNumber)).size).toBe(500);
    expect(clients.every((client) => client.cases.length === 1 && client.cases[0]!.deadlines.length > 0)).toBe(true);
    expect(first.cases[0]).toMatchObject({ procedure: 'REGISTRATION_NON_EU', stage: 'INTAKE', reference: `IMP-${tag}-0-1`, assignedToId: w.advisor.user.id });
    expect(byName.get('Voornaam1')!.cases[0]!.assignedToId).toBe(w.admin.user.id);

    // The same deadlines as a case opened through the new-case form with the same facts.
    const control = await createClient({ actor: w.admin.actor, input: { firstName: 'Control', lastName: tag, nationality: 'MA', language: 'fr' }, context: newContext() });
    const typed = await createCase({ actor: w.admin.actor, input: { clientId: control.id, procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' }, context: newContext() });
    const shape = (rows: { key: string; kind: string; dueOn: Date; status: string; basis: string }[]) =>
      rows.map(({ key, kind, dueOn, status, basis }) => ({ key, kind, dueOn: dueOn.toISOString().slice(0, 10), status, basis })).sort((a, b) => a.key.localeCompare(b.key));
    const typedDeadlines = await db.deadline.findMany({ where: { caseId: typed.id, firmId: w.firm.id } });
    expect(shape(first.cases[0]!.deadlines)).toEqual(shape(typedDeadlines));
    expect(first.cases[0]!.nextDeadlineOn).toEqual(typedDeadlines.map((d) => d.dueOn).sort((a, b) => a.getTime() - b.getTime())[0]);

    const audit = await db.auditLog.groupBy({ by: ['action'], where: { firmId: w.firm.id }, _count: true });
    expect(Object.fromEntries(audit.map((row) => [row.action, row._count]))).toEqual({ 'client.created': 501, 'case.created': 501, 'import.committed': 1 });

    const job = await getImportJob({ actor: w.admin.actor, input: { jobId } });
    expect(job).toMatchObject({ status: 'COMMITTED', processedRows: 500, totalRows: 500, report: { result: { clientCount: 500, caseCount: 500 } } });
    expect(job.report.result?.clients).toHaveLength(100);
    // The people now live in the client records, not in the job.
    expect(job.mapping?.source.rows).toEqual([]);
    await expectAppError(commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() }), 'CONFLICT');
  }, 300_000);

  it('writes nothing when a row is bad, and names the row and the column', async () => {
    const w = await createFirmWithStaff('Import');
    const tag = unique();
    const rows = Array.from({ length: 50 }, (_, i) => person(i, tag, i === 29 ? { Geboortedatum: '31/02/1990' } : {}));
    const before = await firmSnapshot(w.firm.id);
    const { jobId, validation } = await uploadAndValidate(w.admin.actor, rows);
    expect(validation.status).toBe('UPLOADED');
    expect(validation.report).toMatchObject({ rowCount: 50, errorRows: 1, clientCount: 49 });
    expect(validation.report.issues).toEqual([{ row: 31, severity: 'error', code: 'date', field: 'birthDate', column: HEADERS.indexOf('Geboortedatum'), value: '31/02/1990' }]);

    await expectAppError(commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() }), 'CONFLICT');
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
  });

  it('rolls back every row already written when a later row fails to write', async () => {
    const w = await createFirmWithStaff('Import');
    const tag = unique();
    const rows = Array.from({ length: 60 }, (_, i) => person(i, tag, { Dossiernummer: `RB-${tag}-${i}`, Procedure: 'STUDY' }));
    const { jobId, validation } = await uploadAndValidate(w.admin.actor, rows);
    expect(validation.status).toBe('VALIDATED');
    // A case reference the 41st row's case will need is already used: the checks cannot see it, the write fails.
    const other = await db.client.create({ data: { firmId: w.firm.id, fileNumber: `OTHER-${tag}`, firstName: 'O', lastName: 'Ther', nationality: 'MA', citizenship: 'NON_EU', language: 'nl' } });
    await db.case.create({ data: { firmId: w.firm.id, clientId: other.id, reference: `RB-${tag}-40-1`, procedure: 'STUDY' } });
    const before = await countsOf(w.firm.id);

    const outcome = await commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() });
    expect(outcome).toMatchObject({ status: 'FAILED', result: { clientCount: 0, failure: { row: 42, code: 'writeFailed' } } });
    expect(await countsOf(w.firm.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { firmId: w.firm.id, action: { in: ['client.created', 'case.created', 'import.committed'] } } })).toBe(0);
    expect(await getImportProgress({ actor: w.admin.actor, input: { jobId } })).toEqual({ status: 'FAILED', processedRows: 0, totalRows: 60 });
  });

  it('refuses at commit time a file number someone took after validation, writing nothing', async () => {
    const w = await createFirmWithStaff('Import');
    const tag = unique();
    const rows = Array.from({ length: 10 }, (_, i) => person(i, tag, { Dossiernummer: `RACE-${tag}-${i}` }));
    const { jobId } = await uploadAndValidate(w.admin.actor, rows);
    await createClient({ actor: w.advisor.actor, input: { firstName: 'Quick', lastName: 'Colleague', nationality: 'BE', language: 'nl', fileNumber: `RACE-${tag}-7` }, context: newContext() });

    const outcome = await commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() });
    expect(outcome.status).toBe('FAILED');
    expect(await db.client.count({ where: { firmId: w.firm.id } })).toBe(1);
    const job = await getImportJob({ actor: w.admin.actor, input: { jobId } });
    expect(job.report.validation?.issues).toEqual([
      { row: 9, severity: 'error', code: 'fileNumberTaken', field: 'fileNumber', column: HEADERS.indexOf('Dossiernummer'), value: `RACE-${tag}-7` },
    ]);
  });

  it('reports duplicates inside the file and against existing clients as warnings, and still imports', async () => {
    const w = await createFirmWithStaff('Import');
    const tag = unique();
    const existing = await createClient({
      actor: w.admin.actor,
      input: { firstName: 'Amina', lastName: `El Idrissi ${tag}`, birthDate: '1990-03-12', nationality: 'MA', language: 'fr' },
      context: newContext(),
    });
    const { jobId, validation } = await uploadAndValidate(w.admin.actor, [
      { Voornaam: 'amina', Naam: `El Idrissi ${tag}`, Geboortedatum: '12/03/1990', Nationaliteit: 'Maroc', Taal: 'fr' },
      { Voornaam: 'Jan', Naam: `Peeters ${tag}`, Geboortedatum: '01-02-1980', Nationaliteit: 'België', Taal: 'Nederlands' },
      { Voornaam: 'Jan', Naam: `Peeters ${tag}`, Geboortedatum: '1980-02-01', Nationaliteit: 'BE', Taal: 'nl' },
      { Dossiernummer: `D-${tag}`, Voornaam: 'Sara', Naam: `Janssens ${tag}`, Nationaliteit: 'BE', Taal: 'nl' },
      { Dossiernummer: `D-${tag}`, Voornaam: 'Lotte', Naam: `Maes ${tag}`, Nationaliteit: 'BE', Taal: 'nl' },
    ]);
    expect(validation.status).toBe('UPLOADED');
    expect(validation.report.issues).toEqual([
      { row: 2, severity: 'warning', code: 'duplicateClient', params: { fileNumber: existing.fileNumber, name: `Amina El Idrissi ${tag}` } },
      { row: 4, severity: 'warning', code: 'duplicateInFile', params: { row: 3 } },
      { row: 6, severity: 'error', code: 'fileNumberRepeated', field: 'fileNumber', column: 0, value: `D-${tag}`, params: { row: 5 } },
    ]);
    expect(validation.report).toMatchObject({ errorRows: 1, warningRows: 2 });

    // The mapping can leave the file number out: then every row is a new client, duplicates still only warned about.
    const again = await validateImport({ actor: w.admin.actor, input: await mappingForm(w.admin.actor, jobId, { 'column.fileNumber': '' }) });
    expect(again.status).toBe('VALIDATED');
    expect(again.report).toMatchObject({ errorRows: 0, warningRows: 2, clientCount: 5 });
    expect(await commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() })).toMatchObject({ status: 'COMMITTED', result: { clientCount: 5, caseCount: 0 } });
    expect(await db.client.count({ where: { firmId: w.firm.id, lastName: { contains: tag } } })).toBe(6);
    // The job keeps the report the person saw before committing, warnings included.
    expect((await getImportJob({ actor: w.admin.actor, input: { jobId } })).report.validation).toMatchObject({ warningRows: 2, errorRows: 0 });
  });

  it("numbers clients without a file number like the new-client form, after the firm's numbers and around the file's own", async () => {
    const w = await createFirmWithStaff('Import');
    const year = brusselsDate().slice(0, 4);
    const tag = unique();
    await createClient({ actor: w.admin.actor, input: { firstName: 'Early', lastName: tag, nationality: 'BE', language: 'nl', fileNumber: `${year}-0004` }, context: newContext() });
    const { jobId } = await uploadAndValidate(w.admin.actor, [person(1, tag, { Dossiernummer: `${year}-0006` }), person(2, tag), person(3, tag), person(4, tag)]);
    await commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() });
    const numbers = await db.client.findMany({ where: { firmId: w.firm.id }, select: { firstName: true, fileNumber: true }, orderBy: { fileNumber: 'asc' } });
    expect(numbers).toEqual([
      { firstName: 'Early', fileNumber: `${year}-0004` },
      { firstName: 'Voornaam2', fileNumber: `${year}-0005` },
      { firstName: 'Voornaam1', fileNumber: `${year}-0006` },
      { firstName: 'Voornaam3', fileNumber: `${year}-0007` },
      { firstName: 'Voornaam4', fileNumber: `${year}-0008` },
    ]);

    // A hand-typed number too long for a 32-bit integer does not break the numbering, as on the new-client form.
    await createClient({ actor: w.admin.actor, input: { firstName: 'Long', lastName: tag, nationality: 'BE', language: 'nl', fileNumber: `${year}-20260105001` }, context: newContext() });
    const next = await uploadAndValidate(w.admin.actor, [person(5, tag)]);
    expect((await commitImport({ actor: w.admin.actor, input: { jobId: next.jobId }, context: newContext() })).status).toBe('COMMITTED');
    const created = await db.client.findFirstOrThrow({ where: { firmId: w.firm.id, firstName: 'Voornaam5' } });
    expect(created.fileNumber).toBe(`${year}-0009`);
  });

  it('asks for the fields no row can do without, and for an advisor of the firm', async () => {
    const w = await createFirmWithStaff('Import');
    const other = await createFirmWithStaff('Elsewhere');
    const tag = unique();
    const jobId = await upload(w.admin.actor, [
      person(1, tag, { Procedure: 'STUDY', Adviseur: other.advisor.email }),
      person(2, tag, { Procedure: 'STUDY', Adviseur: w.assistant.email }),
    ]);
    const error = await expectAppError(validateImport({ actor: w.admin.actor, input: await mappingForm(w.admin.actor, jobId, { 'column.nationality': '', 'column.language': '' }) }), 'VALIDATION');
    expect(error).toMatchObject({ userMessage: 'importer.mappingIncomplete', details: { fieldErrors: { 'column.nationality': ['required'], 'column.language': ['required'] } } });

    const { report } = await validateImport({ actor: w.admin.actor, input: await mappingForm(w.admin.actor, jobId) });
    expect(report.issues).toEqual([{ row: 2, severity: 'error', code: 'assignee', field: 'assignedTo', column: HEADERS.indexOf('Adviseur'), value: other.advisor.email.toLowerCase() }]);
  });
});

describe('who may import', () => {
  it('keeps each firm to its own jobs', async () => {
    const a = await createFirmWithStaff('Import A');
    const b = await createFirmWithStaff('Import B');
    const jobId = await upload(a.advisor.actor, [person(1, unique())]);
    const intruder = b.admin.actor;
    await expectAppError(getImportJob({ actor: intruder, input: { jobId } }), 'NOT_FOUND');
    await expectAppError(getImportProgress({ actor: intruder, input: { jobId } }), 'NOT_FOUND');
    await expectAppError(validateImport({ actor: intruder, input: await mappingForm(a.admin.actor, jobId) }), 'NOT_FOUND');
    await expectAppError(commitImport({ actor: intruder, input: { jobId }, context: newContext() }), 'NOT_FOUND');
    expect(await listImportJobs({ actor: intruder })).toMatchObject({ rows: [], total: 0 });
    expect((await listImportJobs({ actor: a.admin.actor })).rows.map((job) => job.id)).toEqual([jobId]);
    expect((await getImportJob({ actor: a.admin.actor, input: { jobId } })).status).toBe('UPLOADED');
  });

  it('refuses assistants at every step, writing nothing', async () => {
    const w = await createFirmWithStaff('Import');
    const tag = unique();
    const { jobId } = await uploadAndValidate(w.advisor.actor, [person(1, tag)]);
    const before = await firmSnapshot(w.firm.id);
    const jobsBefore = await db.importJob.findMany({ where: { firmId: w.firm.id } });
    const assistant = w.assistant.actor;
    for (const attempt of [
      createImportJob({ actor: assistant, input: { fileName: 'x.csv', bytes: csv([person(2, tag)]) } }),
      validateImport({ actor: assistant, input: { jobId } }),
      commitImport({ actor: assistant, input: { jobId }, context: newContext() }),
      getImportJob({ actor: assistant, input: { jobId } }),
      getImportProgress({ actor: assistant, input: { jobId } }),
      listImportJobs({ actor: assistant }),
    ]) {
      expect(await expectAppError(attempt, 'FORBIDDEN')).toMatchObject({ userMessage: 'forbidden' });
    }
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
    expect(await db.importJob.findMany({ where: { firmId: w.firm.id } })).toEqual(jobsBefore);
  });
});
