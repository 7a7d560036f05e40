import { describe, expect, it } from 'vitest';
import { developmentKeys } from '@/lib/crypto/field-keys';
import { createFirmWithStaff, expectAppError, newContext, unique, type FirmWithStaff } from './support/fixtures';
import { clearForms, dotted, nationalRegisterNumber, passportNumber, scanDatabase } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// The national register and passport numbers from the attacker's side: someone holding a copy of the database
// (and able to write to it) but not the keys. They must find no number in clear anywhere, must not make the app
// show one person's number as another's, and the hashes must not tie a person to their file in another firm.

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { fieldKeys } = await import('@/lib/env');
const { createClient } = await import('@/lib/server/client/create-client');
const { getClient } = await import('@/lib/server/client/get-client');
const { listClients } = await import('@/lib/server/client/list-clients');
const { createCase } = await import('@/lib/server/case/create-case');
const { listCases } = await import('@/lib/server/case/list-cases');
const { exportClientData } = await import('@/lib/server/client/export-client-data');
const { openIdentityNumbers } = await import('@/lib/server/client/identity-numbers');
const { createImportJob } = await import('@/lib/server/import/create-import-job');
const { validateImport } = await import('@/lib/server/import/validate-import');
const { commitImport } = await import('@/lib/server/import/commit-import');

const db = getDb();

function newClient(w: FirmWithStaff, numbers: { nationalRegisterNumber?: string; passportNumber?: string }, names = { firstName: 'Amina', lastName: `Benali ${unique()}` }) {
  return createClient({ actor: w.advisor.actor, input: { ...names, nationality: 'MA', language: 'fr', ...numbers, confirmDuplicate: true }, context: newContext() });
}

const rawRow = async (id: string) => (await db.$queryRaw<{ row: string }[]>`SELECT t::text AS row FROM "Client" t WHERE t.id = ${id}`)[0]!.row;
const search = async (w: FirmWithStaff, q: string) => (await listClients({ actor: w.assistant.actor, query: { q } })).rows.map((row) => row.id);

describe('identity numbers at rest', () => {
  it('are nowhere in clear once a client is created: not in its row, the audit log, nor any other table', async () => {
    const w = await createFirmWithStaff('Sealed');
    const [nrn, passport] = [nationalRegisterNumber(), passportNumber()];
    const { id } = await newClient(w, { nationalRegisterNumber: dotted(nrn), passportNumber: passport.toLowerCase() });
    expect(await rawRow(id)).toMatch(/v1\.dev\.[\w-]+\.[\w-]+\.[\w-]+/);
    expect(await scanDatabase(db, clearForms(nrn, passport))).toEqual([]);
    const audit = await db.$queryRaw<{ row: string }[]>`SELECT t::text AS row FROM "AuditLog" t WHERE t."entityId" = ${id}`;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.row).toContain('[masked]');
    expect(audit[0]!.row).not.toMatch(/v1\.dev\./);
    // Staff still read them on the client page, as typed in, normalised.
    expect(await getClient({ actor: w.assistant.actor, clientId: id })).toMatchObject({ nationalRegisterNumber: nrn, passportNumber: passport, unreadable: [] });
  });

  it('are nowhere in clear once a spreadsheet is imported, and the imported client is found by them', async () => {
    const w = await createFirmWithStaff('Import');
    const [nrn, passport] = [nationalRegisterNumber(), passportNumber()];
    const csv = `First name;Last name;Nationality;Language;Rijksregisternummer;Passport\nNadia;Imported${unique()};MA;fr;${dotted(nrn)};${passport}\n`;
    const { id: jobId } = await createImportJob({ actor: w.admin.actor, input: { fileName: 'clients.csv', bytes: new TextEncoder().encode(csv) } });
    const columns = { 'column.firstName': '0', 'column.lastName': '1', 'column.nationality': '2', 'column.language': '3', 'column.nationalRegisterNumber': '4', 'column.passportNumber': '5' };
    await validateImport({ actor: w.admin.actor, input: { jobId, ...columns } });
    expect(await commitImport({ actor: w.admin.actor, input: { jobId }, context: newContext() })).toMatchObject({ status: 'COMMITTED' });
    expect(await scanDatabase(db, clearForms(nrn, passport))).toEqual([]);
    const [imported] = await search(w, dotted(nrn));
    expect(imported).toBeDefined();
    expect(await getClient({ actor: w.advisor.actor, clientId: imported! })).toMatchObject({ nationalRegisterNumber: nrn, passportNumber: passport });
    expect(await search(w, passport.toLowerCase())).toEqual([imported]);
  });
});

describe('a sealed number moved by someone who can write to the database', () => {
  it("does not open on another client's row: that client shows no number, never the other person's", async () => {
    const w = await createFirmWithStaff('Moved');
    const nrn = nationalRegisterNumber();
    const owner = await newClient(w, { nationalRegisterNumber: nrn });
    const other = await newClient(w, {});
    await db.$executeRaw`UPDATE "Client" o SET "nationalRegisterNumberEnc" = s."nationalRegisterNumberEnc" FROM "Client" s WHERE o.id = ${other.id} AND s.id = ${owner.id}`;
    const shown = await getClient({ actor: w.advisor.actor, clientId: other.id });
    expect(shown).toMatchObject({ nationalRegisterNumber: null, unreadable: ['nationalRegisterNumber'] });
    expect(JSON.stringify(shown)).not.toContain(nrn);
    // The GDPR export of that client is refused rather than handing out a wrong or incomplete file.
    await expectAppError(exportClientData({ actor: w.admin.actor, clientId: other.id, context: newContext() }), 'INTERNAL');
    expect((await getClient({ actor: w.advisor.actor, clientId: owner.id })).nationalRegisterNumber).toBe(nrn);
  });

  it('does not open in the other column of the same client either', async () => {
    const w = await createFirmWithStaff('Swapped');
    const { id } = await newClient(w, { nationalRegisterNumber: nationalRegisterNumber(), passportNumber: passportNumber() });
    await db.$executeRaw`UPDATE "Client" SET "passportNumberEnc" = "nationalRegisterNumberEnc" WHERE id = ${id}`;
    expect(await getClient({ actor: w.advisor.actor, clientId: id })).toMatchObject({ passportNumber: null, unreadable: ['passportNumber'] });
  });
});

describe('without the right key', () => {
  it('nothing opens: a different key, or a keyring without the key a value names, is refused, never misread', async () => {
    const w = await createFirmWithStaff('Keys');
    const { id } = await newClient(w, { nationalRegisterNumber: nationalRegisterNumber(), passportNumber: passportNumber() });
    const row = await db.client.findUniqueOrThrow({ where: { id } });
    const otherSecret = developmentKeys('a different AUTH_SECRET, so different keys 0123456789');
    expect(openIdentityNumbers(row, otherSecret)).toEqual({ nationalRegisterNumber: null, passportNumber: null, unreadable: ['nationalRegisterNumber', 'passportNumber'] });
    const withoutDev = { ...fieldKeys(), encryption: { currentKeyId: 'k9', keys: new Map([['k9', otherSecret.hashKey]]) } };
    expect(openIdentityNumbers(row, withoutDev).unreadable).toEqual(['nationalRegisterNumber', 'passportNumber']);
  });
});

describe('duplicates and search by exact number', () => {
  it('a second client with the same national register number is flagged however the number is typed', async () => {
    const w = await createFirmWithStaff('Duplicate');
    const nrn = nationalRegisterNumber();
    const first = await newClient(w, { nationalRegisterNumber: nrn });
    for (const typed of [nrn, dotted(nrn), ` ${nrn.slice(0, 6)} ${nrn.slice(6)} `]) {
      const attempt = createClient({ actor: w.assistant.actor, input: { firstName: 'Other', lastName: `Name ${unique()}`, nationality: 'TR', language: 'nl', nationalRegisterNumber: typed }, context: newContext() });
      const error = await expectAppError(attempt, 'CONFLICT');
      expect((error as unknown as { exposed: { duplicates: { id: string }[] } }).exposed.duplicates.map((d) => d.id)).toEqual([first.id]);
    }
  });

  it('finds the client by the whole number, dotted or not, and by passport number; part of a number finds nothing', async () => {
    const w = await createFirmWithStaff('Search');
    const [nrn, passport] = [nationalRegisterNumber(), passportNumber()];
    const { id } = await newClient(w, { nationalRegisterNumber: nrn, passportNumber: passport });
    await newClient(w, { nationalRegisterNumber: nationalRegisterNumber(), passportNumber: passportNumber() });
    for (const q of [nrn, dotted(nrn), `${nrn.slice(0, 6)}-${nrn.slice(6)}`, passport, passport.toLowerCase()]) expect(await search(w, q), q).toEqual([id]);
    for (const q of [nrn.slice(0, 6), nrn.slice(0, 10), dotted(nrn).slice(0, 8), passport.slice(0, 6), nrn.slice(3)]) expect(await search(w, q), q).toEqual([]);
  });

  it("finds the client's cases by the whole number in the cases table too, and nothing by part of it", async () => {
    const w = await createFirmWithStaff('Case search');
    const nrn = nationalRegisterNumber();
    const { id: clientId } = await newClient(w, { nationalRegisterNumber: nrn });
    const { id: caseId } = await createCase({ actor: w.advisor.actor, input: { clientId, procedure: 'STUDY' }, context: newContext() });
    const cases = async (q: string) => (await listCases({ actor: w.assistant.actor, query: { q } })).rows.map((row) => row.id);
    expect(await cases(dotted(nrn))).toEqual([caseId]);
    expect(await cases(`${nrn.slice(0, 6)} ${nrn.slice(6)}`)).toEqual([caseId]);
    expect(await cases(nrn.slice(0, 9))).toEqual([]);
    const other = await createFirmWithStaff('Case search other');
    expect((await listCases({ actor: other.assistant.actor, query: { q: nrn } })).rows).toEqual([]);
  });

  it("another firm with the same person keeps an unrelated hash, and neither firm's search or duplicate check reaches the other", async () => {
    const [a, b] = [await createFirmWithStaff('Hash A'), await createFirmWithStaff('Hash B')];
    const nrn = nationalRegisterNumber();
    const inA = await newClient(a, { nationalRegisterNumber: nrn });
    expect(await search(b, nrn)).toEqual([]);
    const inB = await createClient({ actor: b.advisor.actor, input: { firstName: 'Amina', lastName: 'Elsewhere', nationality: 'MA', language: 'fr', nationalRegisterNumber: nrn }, context: newContext() });
    const [rowA, rowB] = await Promise.all([inA.id, inB.id].map((id) => db.client.findUniqueOrThrow({ where: { id } })));
    expect(rowA!.nationalRegisterNumberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rowB!.nationalRegisterNumberHash).not.toBe(rowA!.nationalRegisterNumberHash);
    expect(await search(a, nrn)).toEqual([inA.id]);
    expect(await search(b, nrn)).toEqual([inB.id]);
  });
});
