import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { sha256 } from './support/document-files';
import { createFirmWithStaff, expectAppError, firmSnapshot, newContext, unique, writeCounts, type FirmWithStaff } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// lib/env reads process.env once: uploads' temporary files go under this test's own data directory.
const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-gdpr-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits, personalRateLimitKeys } = await import('@/lib/auth/rate-limit');
const { brusselsDate, brusselsMidnight } = await import('@/lib/dates');
const { sweepReminders } = await import('@/lib/server/reminder/sweep-reminders');
const { createClient } = await import('@/lib/server/client/create-client');
const { exportClientData } = await import('@/lib/server/client/export-client-data');
const { eraseClient } = await import('@/lib/server/client/erase-client');
const { getClientErasureStatus } = await import('@/lib/server/client/get-client-erasure-status');
const { CLIENT_DATA_TABLES, OTHER_TABLES } = await import('@/lib/server/client/client-data-rows');
const { setRetentionPeriod } = await import('@/lib/server/firm/set-retention-period');
const { closeCase, person, populateClient } = await import('./support/client-data-world');
const { rowsAbout } = await import('./support/client-data-expected');
const { checkInquiryConflicts } = await import('@/lib/server/inquiry/check-inquiry-conflicts');
const { createInquiry } = await import('./support/inquiry-world');

const run = promisify(execFile);
const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

type Index = { format: string; client: { id: string; fileNumber: string }; tables: Record<string, Record<string, unknown>[]>; files: { path: string | null; storageKey: string; status: string; sha256: string | null; table: string }[] };

/** The archive on disk, checked by Info-ZIP (which shares no code with archiver), and its entries by name. */
async function readZip(stream: Readable) {
  const file = path.join(dataDir, `${unique()}.zip`);
  await pipeline(stream, createWriteStream(file));
  await run('unzip', ['-tq', file]);
  const read = async (name: string) => new Uint8Array((await run('unzip', ['-p', file, name], { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout);
  const index = JSON.parse(Buffer.from(await read('index.json')).toString('utf8')) as Index;
  return { index, read, text: Buffer.from(await read('index.json')).toString('utf8') };
}

const keyOf = (table: string, row: Record<string, unknown>) =>
  table === 'CaseDocument' ? `${String(row.caseId)}:${String(row.documentId)}` : table === 'VerificationToken' ? String(row.identifier) : String(row.id);
const keysByTable = (rows: Record<string, { key: string }[]>) => Object.fromEntries(Object.entries(rows).map(([table, found]) => [table, found.map((r) => r.key)]));

/** A firm with a family member to link to and two clients with everything, the second with the same first name. */
// Each world's people have their own birth dates, so a scan for one never matches someone of an earlier world.
let worlds = 0;

async function world(label: string) {
  const w = await createFirmWithStaff(label);
  const year = 1960 + 2 * worlds++;
  const spouse = await createClient({ actor: w.advisor.actor, input: { firstName: 'Youssef', lastName: `Spouse${unique()}`, nationality: 'MA', language: 'fr' }, context: newContext() });
  const first = await populateClient(w, person('Amina', `${year}-02-19`), storage, { clientId: spouse.id });
  const second = await populateClient(w, person('Amina', `${year + 1}-05-07`), storage, { clientId: spouse.id });
  // Reminders for every deadline, to the advisor and the client: emails that name the client.
  await sweepReminders({ db, now: new Date(brusselsMidnight('2027-04-14').getTime() + 9 * 3_600_000) });
  return { w, first, second };
}

let a: Awaited<ReturnType<typeof world>>;
let other: FirmWithStaff;
beforeAll(async () => {
  a = await world('GDPR export');
  other = await createFirmWithStaff('GDPR other');
  await populateClient(other, person('Amina', '1999-11-30'), storage, { clientId: (await createClient({ actor: other.advisor.actor, input: { firstName: 'Omar', lastName: `O${unique()}`, nationality: 'MA', language: 'fr' }, context: newContext() })).id });
});

describe("a client's export", () => {
  it('names every table of the schema as exported or as not about clients', () => {
    expect([...CLIENT_DATA_TABLES, ...Object.keys(OTHER_TABLES)].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("holds exactly every table's rows about the client, and none of the other client's with the same first name", async () => {
    const { first, second } = a;
    const expected = keysByTable(await rowsAbout(a.w.firm.id, first.clientId, first.person));
    const others = keysByTable(await rowsAbout(a.w.firm.id, second.clientId, second.person));
    // The world really has rows of each kind (portal users sign in by link, so they never have an OAuth account).
    for (const table of CLIENT_DATA_TABLES.filter((t) => t !== 'Account')) expect(expected[table]?.length, table).toBeGreaterThan(0);

    const { index } = await readZip((await exportClientData({ actor: a.w.admin.actor, clientId: first.clientId, context: newContext(), storage })).stream);
    expect(index.client).toEqual({ id: first.clientId, fileNumber: first.fileNumber });
    // The identity numbers as the person knows them, not their ciphertexts or lookup hashes.
    const [clientRow] = index.tables.Client ?? [];
    expect(clientRow).toMatchObject({ nationalRegisterNumber: first.person.nationalRegisterNumber, passportNumber: first.person.passportNumber });
    expect(Object.keys(clientRow ?? {}).filter((key) => /Enc$|Hash$/.test(key))).toEqual([]);
    // The inquiry they were converted from, with the number they gave in clear; the other party's number not at all.
    expect(index.tables.Inquiry?.[0]).toMatchObject({ convertedClientId: first.clientId, nationalRegisterNumber: first.person.nationalRegisterNumber });
    for (const table of ['Inquiry', 'ConsultationBooking', 'OtherParty']) {
      expect(Object.keys(index.tables[table]?.[0] ?? {}).filter((key) => /Enc$|Hash$/.test(key)), table).toEqual([]);
    }
    const exported = Object.fromEntries(Object.entries(index.tables).map(([table, rows]) => [table, rows.map((row) => keyOf(table, row)).sort()]));
    expect(exported).toEqual(expected);
    for (const table of CLIENT_DATA_TABLES) {
      expect((exported[table] ?? []).filter((key) => others[table]?.includes(key)), table).toEqual([]);
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: a.w.firm.id, action: 'client.exported', entityId: first.clientId }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorUserId: a.w.admin.user.id, diff: { after: { rows: { Client: 1, Case: 1 }, files: first.storageKeys.length } } });
  });

  it("holds every stored file of the client, byte for byte, with its SHA-256 in the index, and no credential", async () => {
    const { first } = a;
    const { fileName, stream } = await exportClientData({ actor: a.w.admin.actor, clientId: first.clientId, context: newContext(), storage });
    expect(fileName).toBe(`GDPR-${first.fileNumber}.zip`);
    const { index, read, text } = await readZip(stream);
    expect(index.files.map((file) => file.storageKey).sort()).toEqual([...first.storageKeys].sort());
    for (const file of index.files) {
      const stored = new Uint8Array(Buffer.concat(await (await storage.get(file.storageKey)).body.toArray()));
      expect(file).toMatchObject({ status: 'ok', sha256: sha256(stored) });
      expect(sha256(await read(file.path ?? ''))).toBe(sha256(stored));
    }
    const versions = await db.documentVersion.findMany({ where: { document: { clientId: first.clientId } } });
    for (const version of versions) expect(index.files.find((file) => file.storageKey === version.storageKey)?.sha256).toBe(version.sha256);
    // Secrets stay home: session tokens, sign-in tokens, invitation hashes, and the links in the emails.
    const sessions = await db.session.findMany({ where: { userId: first.portal.userId } });
    const tokens = await db.verificationToken.findMany({ where: { identifier: first.person.email } });
    const invitations = await db.invitation.findMany({ where: { clientId: first.clientId } });
    for (const secret of [...sessions.map((s) => s.sessionToken), ...tokens.map((t) => t.token), ...invitations.map((i) => i.tokenHash)]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[?&]token=[A-Za-z0-9_-]{20,}/);
    expect(Object.keys(index.tables.User?.[0] ?? {})).not.toContain('passwordHash');
    expect(Object.keys(index.tables.User?.[0] ?? {})).not.toContain('totpSecret');
    expect(index.tables.Session?.[0]).not.toHaveProperty('sessionToken');
  });

  it('leaves out what mentions only a name another client of the firm also has', async () => {
    const w = await createFirmWithStaff('GDPR namesake');
    const spouse = await createClient({ actor: w.advisor.actor, input: { firstName: 'Youssef', lastName: `Spouse${unique()}`, nationality: 'MA', language: 'fr' }, context: newContext() });
    const lastName = `Benali${unique()}`;
    const one = await populateClient(w, person('Amina', '1998-01-02', lastName), storage, { clientId: spouse.id });
    const namesake = await populateClient(w, person('Amina', '1997-03-04', lastName), storage, { clientId: spouse.id });
    // The namesake's portal message reached the advisor by email, with the name and a link to the namesake's case.
    expect(await db.emailOutbox.count({ where: { firmId: w.firm.id, template: 'client-message', text: { contains: namesake.caseId } } })).toBe(1);
    const { text, index } = await readZip((await exportClientData({ actor: w.admin.actor, clientId: one.clientId, context: newContext(), storage })).stream);
    for (const theirs of [namesake.clientId, namesake.caseId, namesake.person.email, namesake.person.nationalRegisterNumber]) expect(text).not.toContain(theirs);
    // Their own email about their own message is still there, found by the note it announces.
    expect(index.tables.EmailOutbox?.filter((email) => email.template === 'client-message')).toHaveLength(1);
  });

  it("is for the firm's admins only: another firm's admin, advisors, assistants and the client get nothing", async () => {
    const { first } = a;
    const counts = await writeCounts();
    await expectAppError(exportClientData({ actor: other.admin.actor, clientId: first.clientId, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(exportClientData({ actor: a.w.advisor.actor, clientId: first.clientId, context: newContext(), storage }), 'FORBIDDEN');
    await expectAppError(exportClientData({ actor: a.w.assistant.actor, clientId: first.clientId, context: newContext(), storage }), 'FORBIDDEN');
    await expectAppError(exportClientData({ actor: first.portal as never, clientId: first.clientId, context: newContext(), storage }), 'FORBIDDEN');
    await expectAppError(exportClientData({ actor: a.w.admin.actor, clientId: `missing-${unique()}`, context: newContext(), storage }), 'NOT_FOUND');
    expect(await writeCounts()).toEqual(counts);
  });
});

const likeAny = (values: string[]) => values.map((value) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** Every row of every table of the database that contains one of the strings, as "<table>: <row>". */
async function scanDatabase(values: string[]): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  expect(tables.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" t WHERE t::text ILIKE ANY($1::text[])`, likeAny(values));
    found.push(...rows.map(({ row }) => `${name}: ${row}`));
  }
  return found;
}

const personalValues = (who: ReturnType<typeof person>) => [`${who.firstName} ${who.lastName}`, who.lastName, who.email, who.phone, who.addressLine, who.nationalRegisterNumber, who.passportNumber, who.birthDate];

describe("a client's erasure", () => {
  it('is refused while a case is open, and changes nothing', async () => {
    const { w, first } = await world('GDPR open');
    const status = await getClientErasureStatus({ actor: w.admin.actor, clientId: first.clientId });
    expect(status).toMatchObject({ erasable: false, reason: 'openCase' });
    const before = { firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), rows: await rowsAbout(w.firm.id, first.clientId, first.person) };
    const error = await expectAppError(eraseClient({ actor: w.admin.actor, input: { clientId: first.clientId, confirmFileNumber: first.fileNumber }, context: newContext(), storage }), 'CONFLICT');
    expect(error.userMessage).toBe('dataProtection.erase.openCase');
    expect({ firm: await firmSnapshot(w.firm.id), counts: await writeCounts(), rows: await rowsAbout(w.firm.id, first.clientId, first.person) }).toEqual(before);
    for (const key of first.storageKeys) expect(await storage.exists(key)).toBe(true);
  });

  it('is refused within the retention period after the last case closed, and allowed once the admin sets it to 0 years', async () => {
    const { w, first } = await world('GDPR retention');
    await closeCase(w, first.caseId, brusselsDate());
    const ends = `${Number(brusselsDate().slice(0, 4)) + 5}${brusselsDate().slice(4)}`;
    expect(await getClientErasureStatus({ actor: w.admin.actor, clientId: first.clientId })).toMatchObject({ retentionYears: 5, erasable: false, reason: 'retention' });
    const input = { clientId: first.clientId, confirmFileNumber: first.fileNumber };
    const before = await firmSnapshot(w.firm.id);
    const error = await expectAppError(eraseClient({ actor: w.admin.actor, input, context: newContext(), storage }), 'CONFLICT');
    expect(error.userMessage).toBe('dataProtection.erase.retention');
    expect((error as unknown as { exposed: unknown }).exposed).toMatchObject({ retentionEndsOn: expect.stringMatching(new RegExp(`^${ends.slice(0, 4)}-`)) });
    expect(await firmSnapshot(w.firm.id)).toEqual(before);
    // The typed file number must be this client's; someone else's, or none, changes nothing either.
    await expectAppError(eraseClient({ actor: w.admin.actor, input: { ...input, confirmFileNumber: 'nope' }, context: newContext(), storage }), 'VALIDATION');
    await expectAppError(eraseClient({ actor: w.advisor.actor, input, context: newContext(), storage }), 'FORBIDDEN');
    await expectAppError(eraseClient({ actor: other.admin.actor, input, context: newContext(), storage }), 'NOT_FOUND');

    await setRetentionPeriod({ actor: w.admin.actor, input: { years: '0' }, context: newContext() });
    expect(await getClientErasureStatus({ actor: w.admin.actor, clientId: first.clientId })).toMatchObject({ retentionYears: 0, erasable: true });
    await expect(eraseClient({ actor: w.admin.actor, input, context: newContext(), storage })).resolves.toMatchObject({ filesDeleted: first.storageKeys.length, filesLeft: [] });
    // Erased is erased: the client is gone for every later call.
    await expectAppError(eraseClient({ actor: w.admin.actor, input, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(exportClientData({ actor: w.admin.actor, clientId: first.clientId, context: newContext(), storage }), 'NOT_FOUND');
  });

  it('leaves no personal value of the client in any table nor any of their files in storage, and the other client intact', async () => {
    const { w, first, second } = await world('GDPR erase');
    await closeCase(w, first.caseId, '2019-03-01');
    // Someone else wrote in with the client's number: their conflict check names the client, her spouse's link to her
    // and her sponsor.
    const lookalike = await createInquiry(w.firm, { firstName: 'Other', lastName: `Person${unique()}`, nationalRegisterNumber: first.person.nationalRegisterNumber });
    const sponsor = await db.otherParty.findFirstOrThrow({ where: { caseId: first.caseId } });
    await db.otherParty.update({ where: { id: sponsor.id }, data: { nationalRegisterNumberHash: lookalike.nationalRegisterNumberHash } });
    expect((await checkInquiryConflicts({ actor: w.advisor.actor, input: { inquiryId: lookalike.id }, context: newContext() })).matches.map((m) => m.kind).sort()).toEqual(['client', 'family', 'other_party']);
    const values = personalValues(first.person);
    const rateKeys = personalRateLimitKeys({ emails: [first.person.email], userIds: [first.portal.userId] });
    // The scan sees them before: in the client row, their portal user, notes, emails, the audit log and more.
    const tablesBefore = new Set((await scanDatabase(values)).map((hit) => hit.slice(0, hit.indexOf(':'))));
    for (const table of ['Client', 'User', 'Case', 'Task', 'Note', 'Document', 'DocumentVersion', 'DecisionIntake', 'EmailOutbox', 'Reminder', 'Invitation', 'VerificationToken', 'AuditLog', 'ImportJob', 'Inquiry', 'ConsultationBooking']) expect(tablesBefore, table).toContain(table);
    expect(await db.rateLimit.count({ where: { key: { in: rateKeys } } })).toBeGreaterThan(0);
    const secondBefore = await rowsAbout(w.firm.id, second.clientId, second.person);
    const auditBefore = await db.auditLog.findMany({ where: { OR: [{ firmId: w.firm.id }, { firmId: null }] }, select: { id: true, action: true, entity: true, entityId: true, actorKind: true, createdAt: true }, orderBy: { id: 'asc' } });

    const result = await eraseClient({ actor: w.admin.actor, input: { clientId: first.clientId, confirmFileNumber: first.fileNumber }, context: newContext(), storage });
    expect(result).toEqual({ clientId: first.clientId, fileNumber: first.fileNumber, filesDeleted: first.storageKeys.length, filesLeft: [] });

    expect(await scanDatabase(values)).toEqual([]);
    // The lookalike's check still says what it found, without the names.
    const kept = (await db.inquiry.findUniqueOrThrow({ where: { id: lookalike.id } })).conflictMatches as { kind: string; label: string; id: string; via?: { id: string; label: string } }[];
    expect(kept.map(({ kind, label, id, via }) => [kind, kind === 'family' ? via : label, id]).sort()).toEqual([
      ['client', '[erased]', first.clientId],
      ['family', { id: first.clientId, label: '[erased]' }, expect.any(String)],
      ['other_party', '[erased]', sponsor.id],
    ]);
    expect(await db.rateLimit.count({ where: { key: { in: rateKeys } } })).toBe(0);
    for (const key of first.storageKeys) expect(await storage.exists(key), key).toBe(false);
    // The tombstone keeps the firm's file number (a reference, not the person), so it is never given out again.
    expect(await db.client.findUniqueOrThrow({ where: { id: first.clientId } })).toMatchObject({ fileNumber: first.fileNumber, firstName: '[erased]', email: null, deletedAt: expect.any(Date) });
    // History is kept: every audit entry is still there with what, which and when, and the erasure recorded.
    const auditAfter = await db.auditLog.findMany({ where: { OR: [{ firmId: w.firm.id }, { firmId: null }] }, select: { id: true, action: true, entity: true, entityId: true, actorKind: true, createdAt: true }, orderBy: { id: 'asc' } });
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length)).toMatchObject([{ action: 'client.erased', entityId: first.clientId, actorKind: 'STAFF' }]);
    const created = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'client.created', entityId: first.clientId } });
    expect(created.diff).toMatchObject({ after: { id: first.clientId, firstName: '[erased]', email: '[erased]', birthDate: '[erased]', language: 'fr', fileNumber: first.fileNumber } });
    const clientEntries = await db.auditLog.findMany({ where: { firmId: w.firm.id, actorUserId: first.portal.userId } });
    expect(clientEntries.length).toBeGreaterThan(0);
    for (const entry of clientEntries) expect(entry).toMatchObject({ ip: null, userAgent: null });
    // Emails to staff about them are kept, for the record of what was sent, with the name masked.
    const toAdvisor = await db.emailOutbox.findMany({ where: { firmId: w.firm.id, toEmail: w.advisor.email, template: 'client-message', text: { contains: '[erased]' } } });
    expect(toAdvisor).toHaveLength(1);
    // The other client, same first name, same firm, same spouse: every row as it was, every file still there.
    expect(await rowsAbout(w.firm.id, second.clientId, second.person)).toEqual(secondBefore);
    for (const key of second.storageKeys) expect(await storage.exists(key), key).toBe(true);
    expect((await scanDatabase([second.person.nationalRegisterNumber, `${second.person.firstName} ${second.person.lastName}`])).length).toBeGreaterThan(5);
  });
});
