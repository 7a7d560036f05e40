import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { AppError } from '@/lib/errors';
import { setupTestDatabase } from './support/test-database';
import { createFirmWithStaff, expectAppError, newContext, unique, type FirmWithStaff } from './support/fixtures';

await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { createClient } = await import('@/lib/server/client/create-client');
const { listClients, CLIENTS_PAGE_SIZE } = await import('@/lib/server/client/list-clients');
const { getClient } = await import('@/lib/server/client/get-client');
const { createCase } = await import('@/lib/server/case/create-case');
const { updateCase } = await import('@/lib/server/case/update-case');
const { transitionCase } = await import('@/lib/server/case/transition-case');
const { getCase } = await import('@/lib/server/case/get-case');
const { addNote } = await import('@/lib/server/note/add-note');

const db = getDb();

/** "Today" for every transition: the story's last steps happen in late November 2026. */
const AS_OF = '2026-11-23';
/** Valid Belgian national register numbers (born 1990, born 2001) and one with a wrong check. */
const NRN_1990 = '90040212386';
const NRN_2001 = '01020312345';
const NRN_BAD = '90040212387';

const day = (value: Date | null | undefined) => value?.toISOString().slice(0, 10) ?? null;
const year = () => String(new Date().getUTCFullYear());

/** Runs an operation that must fail with `code` and returns the whole AppError (details, exposed). */
async function refused(promise: Promise<unknown>, code: Parameters<typeof expectAppError>[1]): Promise<AppError> {
  return (await expectAppError(promise, code)) as AppError;
}

type ClientFields = { firstName?: string; lastName?: string; birthDate?: string; nationality?: string; [field: string]: unknown };

function newClient(actor: StaffActor, fields: ClientFields = {}) {
  return createClient({
    actor,
    input: { firstName: 'Youssef', lastName: `El Amrani ${unique()}`, nationality: 'MA', language: 'fr', ...fields },
    context: newContext(),
  });
}

function newCase(actor: StaffActor, clientId: string, fields: Record<string, unknown> = {}) {
  return createCase({ actor, input: { clientId, procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05', ...fields }, context: newContext() });
}

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

function move(actor: StaffActor, caseId: string, caseVersion: number, transition: string, facts: Record<string, unknown> = {}) {
  return transitionCase({ actor, input: { caseId, version: caseVersion, transition, facts }, context: newContext(), asOf: AS_OF });
}

/** The case's computed deadlines by kind, with the fields the case page shows. */
async function deadlines(caseId: string) {
  const rows = await db.deadline.findMany({ where: { caseId }, orderBy: { key: 'asc' } });
  return Object.fromEntries(
    rows.map((row) => [
      row.kind,
      { id: row.id, key: row.key, dueOn: day(row.dueOn), opensOn: day(row.opensOn), status: row.status, basis: row.basis, confidence: row.confidence, disputed: row.disputed },
    ]),
  );
}

/** Everything a case operation may write, to prove that a refused one wrote nothing. */
async function caseTrace(caseId: string) {
  const [kase, deadlineRows, events, notes, audit] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.deadline.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    db.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    db.note.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    db.auditLog.findMany({ where: { entity: 'case', entityId: caseId }, orderBy: { id: 'asc' } }),
  ]);
  return { kase, deadlineRows, events, notes, audit };
}

let staff: FirmWithStaff;
let elsewhere: FirmWithStaff;
beforeAll(async () => {
  staff = await createFirmWithStaff('Cases');
  elsewhere = await createFirmWithStaff('Elsewhere');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createClient', () => {
  it('derives citizenship from the nationality: FR is EU (free movement), MA is not', async () => {
    const french = await newClient(staff.advisor.actor, { firstName: 'Camille', nationality: 'fr' });
    const moroccan = await newClient(staff.advisor.actor, { nationality: 'MA' });
    const swiss = await newClient(staff.advisor.actor, { firstName: 'Urs', nationality: 'CH' });
    const rows = await db.client.findMany({ where: { id: { in: [french.id, moroccan.id, swiss.id] } }, select: { id: true, nationality: true, citizenship: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(french.id)).toMatchObject({ nationality: 'FR', citizenship: 'EU' });
    expect(byId.get(moroccan.id)).toMatchObject({ nationality: 'MA', citizenship: 'NON_EU' });
    expect(byId.get(swiss.id)).toMatchObject({ nationality: 'CH', citizenship: 'EU' });
  });

  it("numbers files per year, counting only this year's numbers of this firm", async () => {
    const firm = await createFirmWithStaff('Numbers');
    // Last year's, next year's and hand-typed numbers do not move this year's counter.
    for (const fileNumber of ['2025-0099', `${Number(year()) + 1}-0005`, 'OLD-17', `${year()}-ABC`]) {
      await newClient(firm.admin.actor, { fileNumber });
    }
    // Another firm's numbers neither.
    await newClient(elsewhere.admin.actor, { fileNumber: `${year()}-0500` });

    const first = await newClient(firm.advisor.actor);
    const second = await newClient(firm.assistant.actor);
    expect([first.fileNumber, second.fileNumber]).toEqual([`${year()}-0001`, `${year()}-0002`]);
    // A number typed by hand above the counter: the next one follows it.
    await newClient(firm.admin.actor, { fileNumber: `${year()}-0041` });
    expect((await newClient(firm.admin.actor)).fileNumber).toBe(`${year()}-0042`);
  });

  it('starts again at 0001 in a new year', async () => {
    const firm = await createFirmWithStaff('New year');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T10:00:00Z'));
    expect((await newClient(firm.admin.actor)).fileNumber).toBe('2026-0001');
    expect((await newClient(firm.admin.actor)).fileNumber).toBe('2026-0002');
    vi.setSystemTime(new Date('2027-01-04T10:00:00Z'));
    expect((await newClient(firm.admin.actor)).fileNumber).toBe('2027-0001');
  });

  it("uses the Brussels year: a client created at 00:30 on New Year's Day in Brussels gets the new year's number", async () => {
    const firm = await createFirmWithStaff('Midnight');
    vi.useFakeTimers({ toFake: ['Date'] });
    // 31 Dec 2026 23:30 UTC is 1 Jan 2027 00:30 in Brussels.
    vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
    expect((await newClient(firm.admin.actor)).fileNumber).toBe('2027-0001');
  });

  it('gives 10 clients created at the same moment 10 different, consecutive file numbers', async () => {
    const firm = await createFirmWithStaff('Rush');
    const actors = [firm.admin.actor, firm.advisor.actor, firm.assistant.actor];
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => newClient(actors[i % 3] ?? firm.admin.actor, { firstName: `Person${i}` })));
    const numbers = created.map((client) => client.fileNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `${year()}-${String(i + 1).padStart(4, '0')}`));
    expect(await db.client.count({ where: { firmId: firm.firm.id } })).toBe(10);
    expect(await db.auditLog.count({ where: { firmId: firm.firm.id, action: 'client.created' } })).toBe(10);
  });

  it('keeps numbering after a hand-typed file number with a long numeric suffix', async () => {
    const firm = await createFirmWithStaff('Long numbers');
    // A date-and-sequence scheme some firms migrate from: the suffix does not fit a 32-bit integer.
    await newClient(firm.admin.actor, { fileNumber: `${year()}-20260105001` });
    const next = await newClient(firm.admin.actor);
    expect(next.fileNumber).toMatch(new RegExp(`^${year()}-\\d{4,}$`));
    expect(next.fileNumber).not.toBe(`${year()}-20260105001`);
  });

  it('refuses a taken file number with VALIDATION on fileNumber, and creates nothing', async () => {
    const firm = await createFirmWithStaff('Taken');
    await newClient(firm.admin.actor, { fileNumber: 'DOS-1' });
    const error = await refused(newClient(firm.admin.actor, { fileNumber: 'DOS-1' }), 'VALIDATION');
    expect(error.details).toEqual({ fieldErrors: { fileNumber: ['fileNumberTaken'] } });
    expect(await db.client.count({ where: { firmId: firm.firm.id } })).toBe(1);
  });

  it('refuses a national register number with a wrong check digit: VALIDATION naming the field, nothing written', async () => {
    const before = await db.client.count({ where: { firmId: staff.firm.id } });
    const audit = await db.auditLog.count({ where: { firmId: staff.firm.id } });
    const error = await refused(newClient(staff.advisor.actor, { nationalRegisterNumber: NRN_BAD }), 'VALIDATION');
    expect(error.details).toEqual({ fieldErrors: { nationalRegisterNumber: ['nationalRegisterNumber'] } });
    const short = await refused(newClient(staff.advisor.actor, { nationalRegisterNumber: '9004021238' }), 'VALIDATION');
    expect(Object.keys((short.details as { fieldErrors: object }).fieldErrors)).toEqual(['nationalRegisterNumber']);
    expect(await db.client.count({ where: { firmId: staff.firm.id } })).toBe(before);
    expect(await db.auditLog.count({ where: { firmId: staff.firm.id } })).toBe(audit);
  });

  it('accepts register numbers of people born before and after 2000, written with dots and dashes, and shows the digits', async () => {
    const older = await newClient(staff.advisor.actor, { nationalRegisterNumber: '90.04.02-123.86' });
    const younger = await newClient(staff.advisor.actor, { nationalRegisterNumber: NRN_2001 });
    expect((await getClient({ actor: staff.assistant.actor, clientId: older.id })).nationalRegisterNumber).toBe(NRN_1990);
    expect((await getClient({ actor: staff.assistant.actor, clientId: younger.id })).nationalRegisterNumber).toBe(NRN_2001);
  });

  describe('duplicate detection', () => {
    let firm: FirmWithStaff;
    let existing: { id: string; fileNumber: string };
    beforeAll(async () => {
      firm = await createFirmWithStaff('Duplicates');
      existing = await newClient(firm.advisor.actor, { firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1990-04-02', nationalRegisterNumber: NRN_1990 });
    });
    const candidate = () => ({ id: existing.id, fileNumber: existing.fileNumber, firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1990-04-02' });

    async function refusedAsDuplicate(fields: ClientFields) {
      const clients = await db.client.count({ where: { firmId: firm.firm.id } });
      const audit = await db.auditLog.count({ where: { firmId: firm.firm.id } });
      const error = await refused(newClient(firm.assistant.actor, fields), 'CONFLICT');
      expect(error.userMessage).toBe('clients.duplicate');
      expect(await db.client.count({ where: { firmId: firm.firm.id } })).toBe(clients);
      expect(await db.auditLog.count({ where: { firmId: firm.firm.id } })).toBe(audit);
      return error;
    }

    it('finds the same names and birth date, whatever the case and spacing, and shows the candidate', async () => {
      const error = await refusedAsDuplicate({ firstName: '  YOUSSEF ', lastName: 'el amrani', birthDate: '1990-04-02', nationality: 'MA' });
      expect(error.exposed).toEqual({ duplicates: [candidate()] });
    });

    it('finds the same national register number under another name, however it is written', async () => {
      const error = await refusedAsDuplicate({ firstName: 'Josef', lastName: 'Amrani', nationalRegisterNumber: '90.04.02-123.86' });
      expect(error.exposed).toEqual({ duplicates: [candidate()] });
    });

    it('does not flag the same names with another or no birth date', async () => {
      const other = await newClient(firm.assistant.actor, { firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1991-04-02' });
      const unknown = await newClient(firm.assistant.actor, { firstName: 'Youssef', lastName: 'El Amrani' });
      expect(other.id).not.toBe(unknown.id);
    });

    it('creates the client once the person confirmed it is someone else', async () => {
      const created = await newClient(firm.assistant.actor, { firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1990-04-02', confirmDuplicate: 'true' });
      expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ firmId: firm.firm.id, firstName: 'Youssef', lastName: 'El Amrani', birthDate: new Date('1990-04-02T00:00:00Z') });
      // Once two exist, the next attempt shows both.
      const error = await refusedAsDuplicate({ firstName: 'Youssef', lastName: 'El Amrani', birthDate: '1990-04-02' });
      expect((error.exposed as { duplicates: { id: string }[] }).duplicates.map((d) => d.id).sort()).toEqual([existing.id, created.id].sort());
    });

    it('ignores deleted clients', async () => {
      const gone = await newClient(firm.admin.actor, { firstName: 'Ghost', lastName: 'Deleted', nationalRegisterNumber: NRN_2001 });
      await db.client.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
      const again = await newClient(firm.admin.actor, { firstName: 'Live', lastName: 'Person', nationalRegisterNumber: NRN_2001 });
      expect(again.id).not.toBe(gone.id);
    });
  });

  it('audits the creation in the same transaction, with the register and passport numbers masked', async () => {
    const context = newContext();
    const created = await createClient({
      actor: staff.advisor.actor,
      input: { firstName: 'Masked', lastName: `Person ${unique()}`, nationality: 'MA', language: 'nl', nationalRegisterNumber: NRN_1990, passportNumber: 'xk1234567', confirmDuplicate: true },
      context,
    });
    const rows = await db.auditLog.findMany({ where: { entity: 'client', entityId: created.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ firmId: staff.firm.id, action: 'client.created', actorKind: 'STAFF', actorUserId: staff.advisor.user.id, ip: context.ip });
    const diff = row?.diff as { after: Record<string, unknown> };
    expect(diff.after).toMatchObject({ id: created.id, fileNumber: created.fileNumber, nationalRegisterNumber: '[masked]', passportNumber: '[masked]', language: 'nl' });
    const stored = JSON.stringify(row?.diff);
    expect(stored).not.toContain(NRN_1990);
    expect(stored).not.toContain('XK1234567');
    expect(stored.toLowerCase()).not.toContain('xk1234567');
  });
});

describe('createCase', () => {
  it('numbers the cases of a client <fileNumber>-1, -2, and computes the registration deadline of a non-EU long stay', async () => {
    const client = await newClient(staff.advisor.actor);
    const first = await newCase(staff.advisor.actor, client.id);
    const second = await newCase(staff.assistant.actor, client.id, { procedure: 'SINGLE_PERMIT' });
    expect([first.reference, second.reference]).toEqual([`${client.fileNumber}-1`, `${client.fileNumber}-2`]);

    // 8 working days from Monday 5 January 2026: Tuesday 6 ... Thursday 15.
    const found = await deadlines(first.id);
    expect(Object.keys(found)).toEqual(['REGISTRATION']);
    expect(found.REGISTRATION).toMatchObject({ dueOn: '2026-01-15', opensOn: null, status: 'OPEN', confidence: 'M', disputed: false });
    expect(found.REGISTRATION?.basis).toContain('art. 12');
    const kase = await db.case.findUniqueOrThrow({ where: { id: first.id } });
    expect(kase).toMatchObject({
      firmId: staff.firm.id,
      clientId: client.id,
      stage: 'INTAKE',
      version: 1,
      procedure: 'REGISTRATION_NON_EU',
      assignedToId: staff.advisor.user.id,
      nextDeadlineKind: 'REGISTRATION',
      nextDeadlineOn: new Date('2026-01-15T00:00:00Z'),
      arrivedOn: new Date('2026-01-05T00:00:00Z'),
    });
    expect(kase.facts).toEqual({ procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' });
  });

  it('gives concurrent cases of one client different references', async () => {
    const client = await newClient(staff.advisor.actor);
    const created = await Promise.all(Array.from({ length: 4 }, () => newCase(staff.advisor.actor, client.id)));
    expect(created.map((c) => c.reference).sort()).toEqual([1, 2, 3, 4].map((n) => `${client.fileNumber}-${n}`));
  });

  it('computes the EU registration for an EU citizen from the client record', async () => {
    const client = await newClient(staff.advisor.actor, { nationality: 'PT', firstName: 'Inês' });
    const kase = await newCase(staff.advisor.actor, client.id, { procedure: 'REGISTRATION_EU' });
    const found = await deadlines(kase.id);
    expect(Object.keys(found)).toEqual(['EU_REGISTRATION']);
    expect(found.EU_REGISTRATION).toMatchObject({ dueOn: '2026-04-07', confidence: 'H' });
  });

  it('writes a CREATED event the client sees, and a case.created audit row', async () => {
    const client = await newClient(staff.advisor.actor);
    const context = newContext();
    const kase = await createCase({ actor: staff.assistant.actor, input: { clientId: client.id, procedure: 'STUDY', assignedToId: staff.advisor.user.id }, context });
    const events = await db.caseEvent.findMany({ where: { caseId: kase.id } });
    expect(events).toEqual([expect.objectContaining({ firmId: staff.firm.id, type: 'CREATED', toStage: 'INTAKE', visibility: 'CLIENT', actorId: staff.assistant.user.id })]);
    const audit = await db.auditLog.findMany({ where: { entity: 'case', entityId: kase.id } });
    expect(audit).toEqual([expect.objectContaining({ action: 'case.created', actorUserId: staff.assistant.user.id, ip: context.ip })]);
    expect((audit[0]?.diff as { after: Record<string, unknown> }).after).toMatchObject({ reference: kase.reference, procedure: 'STUDY', assignedToId: staff.advisor.user.id });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ assignedToId: staff.advisor.user.id, nextDeadlineOn: null });
  });

  it('refuses an assignee from another firm (or a deactivated member) with VALIDATION on assignedToId, and creates nothing', async () => {
    const client = await newClient(staff.advisor.actor);
    const outsider = await createFirmWithStaff('Leaver');
    const leaver = await db.membership.create({ data: { firmId: staff.firm.id, userId: outsider.advisor.user.id, role: 'ADVISOR', deactivatedAt: new Date() } });
    const audit = await db.auditLog.count({ where: { firmId: staff.firm.id } });
    for (const assignee of [elsewhere.advisor.user.id, leaver.userId]) {
      const error = await refused(newCase(staff.advisor.actor, client.id, { assignedToId: assignee }), 'VALIDATION');
      expect(error.details).toEqual({ fieldErrors: { assignedToId: ['assignee'] } });
    }
    expect(await db.case.count({ where: { clientId: client.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { firmId: staff.firm.id } })).toBe(audit);
    // The next case still gets -1.
    expect((await newCase(staff.advisor.actor, client.id)).reference).toBe(`${client.fileNumber}-1`);
  });

  it("answers NOT_FOUND for a deleted client or another firm's client", async () => {
    const deleted = await newClient(staff.advisor.actor);
    await db.client.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await refused(newCase(staff.advisor.actor, deleted.id), 'NOT_FOUND');
    const theirs = await newClient(elsewhere.advisor.actor);
    await refused(newCase(staff.advisor.actor, theirs.id), 'NOT_FOUND');
    expect(await db.case.count({ where: { clientId: { in: [deleted.id, theirs.id] } } })).toBe(0);
  });
});

describe('updateCase', () => {
  async function openCase() {
    const client = await newClient(staff.advisor.actor);
    return newCase(staff.advisor.actor, client.id);
  }

  it('moves the REGISTRATION deadline in place when the arrival date changes, and writes FACTS_CHANGED', async () => {
    const kase = await openCase();
    const before = await deadlines(kase.id);
    const result = await updateCase({ actor: staff.assistant.actor, input: { caseId: kase.id, version: 1, arrivedOn: '2026-02-02' }, context: newContext() });
    expect(result).toEqual({ version: 2, deadlineChanges: [{ key: 'registration-non-eu', kind: 'REGISTRATION', before: '2026-01-15', after: '2026-02-12' }] });

    const after = await deadlines(kase.id);
    expect(after.REGISTRATION).toEqual({ ...before.REGISTRATION, dueOn: '2026-02-12' });
    expect(after.REGISTRATION?.id).toBe(before.REGISTRATION?.id);
    expect(await db.deadline.count({ where: { caseId: kase.id } })).toBe(1);

    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    // A fact not sent (stay) is kept; the one sent is changed.
    expect(row.facts).toEqual({ procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-02-02' });
    expect(row).toMatchObject({ version: 2, arrivedOn: new Date('2026-02-02T00:00:00Z'), nextDeadlineOn: new Date('2026-02-12T00:00:00Z'), nextDeadlineKind: 'REGISTRATION' });

    const events = await db.caseEvent.findMany({ where: { caseId: kase.id, type: 'FACTS_CHANGED' } });
    expect(events).toEqual([
      expect.objectContaining({
        visibility: 'INTERNAL',
        actorId: staff.assistant.user.id,
        payload: { deadlines: [{ key: 'registration-non-eu', kind: 'REGISTRATION', before: '2026-01-15', after: '2026-02-12' }] },
      }),
    ]);
    const audit = await db.auditLog.findMany({ where: { entity: 'case', entityId: kase.id, action: 'case.updated' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.diff).toMatchObject({ before: { facts: { arrivedOn: '2026-01-05' } }, after: { facts: { arrivedOn: '2026-02-02' } } });
  });

  it('supersedes a deadline the facts no longer give rise to, and revives the same row when they do again', async () => {
    const kase = await openCase();
    const original = await deadlines(kase.id);
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, stay: 'SHORT' }, context: newContext() });
    const short = await deadlines(kase.id);
    expect(short.REGISTRATION).toEqual({ ...original.REGISTRATION, status: 'SUPERSEDED' });
    // 3 working days from Monday 5 January 2026.
    expect(short.ARRIVAL_DECLARATION).toMatchObject({ dueOn: '2026-01-08', status: 'OPEN', confidence: 'H' });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ nextDeadlineKind: 'ARRIVAL_DECLARATION', nextDeadlineOn: new Date('2026-01-08T00:00:00Z') });

    // A blank field clears the fact: no arrival date, no arrival deadline at all.
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 2, arrivedOn: '' }, context: newContext() });
    const cleared = await deadlines(kase.id);
    expect(Object.values(cleared).map((d) => d.status)).toEqual(['SUPERSEDED', 'SUPERSEDED']);
    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(row.facts).toEqual({ procedure: 'REGISTRATION_NON_EU', stay: 'SHORT' });
    expect(row).toMatchObject({ arrivedOn: null, nextDeadlineOn: null, nextDeadlineKind: null });

    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 3, stay: 'LONG', arrivedOn: '2026-01-05' }, context: newContext() });
    const revived = await deadlines(kase.id);
    expect(revived.REGISTRATION).toEqual(original.REGISTRATION);
    const payloads = (await db.caseEvent.findMany({ where: { caseId: kase.id, type: 'FACTS_CHANGED' }, orderBy: { occurredAt: 'asc' } })).map((e) => e.payload);
    expect(payloads).toEqual([
      { deadlines: expect.arrayContaining([{ key: 'arrival-declaration', kind: 'ARRIVAL_DECLARATION', before: null, after: '2026-01-08' }, { key: 'registration-non-eu', kind: 'REGISTRATION', before: '2026-01-15', after: null }]) },
      { deadlines: [{ key: 'arrival-declaration', kind: 'ARRIVAL_DECLARATION', before: '2026-01-08', after: null }] },
      { deadlines: [{ key: 'registration-non-eu', kind: 'REGISTRATION', before: '2026-01-15', after: '2026-01-15' }] },
    ]);
  });

  it('keeps a deadline ticked off by hand done while its date stays, and reopens it when the date moves', async () => {
    const kase = await openCase();
    await db.deadline.updateMany({ where: { caseId: kase.id, kind: 'REGISTRATION' }, data: { status: 'DONE', completedAt: new Date(), completedById: staff.advisor.user.id } });
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, communeReference: 'SCH-2026-1' }, context: newContext() });
    expect((await deadlines(kase.id)).REGISTRATION?.status).toBe('DONE');
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 2, arrivedOn: '2026-01-06' }, context: newContext() });
    expect((await deadlines(kase.id)).REGISTRATION).toMatchObject({ status: 'OPEN', dueOn: '2026-01-16' });
    // The tick was for the old date: an unrelated save later must not bring it back.
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 3, communeReference: 'SCH-2026-2' }, context: newContext() });
    expect((await deadlines(kase.id)).REGISTRATION).toMatchObject({ status: 'OPEN', dueOn: '2026-01-16' });
  });

  it('keeps a deadline entered by hand and counts it for the next deadline', async () => {
    const kase = await openCase();
    const manual = await db.deadline.create({
      data: { firmId: staff.firm.id, caseId: kase.id, key: 'manual:1', kind: 'ADDRESS_CHANGE', dueOn: new Date('2026-01-09T00:00:00Z'), basis: 'Told by the commune', confidence: 'M', actor: 'CLIENT', source: 'MANUAL' },
    });
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, arrivedOn: '2026-01-12' }, context: newContext() });
    expect(await db.deadline.findUniqueOrThrow({ where: { id: manual.id } })).toMatchObject({ status: 'OPEN', dueOn: manual.dueOn });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ nextDeadlineOn: manual.dueOn, nextDeadlineKind: 'ADDRESS_CHANGE' });
  });

  it('refuses a save based on an old version with CONFLICT, and changes nothing', async () => {
    const kase = await openCase();
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, communeReference: 'FIRST-SAVE' }, context: newContext() });
    const before = await caseTrace(kase.id);
    const error = await refused(updateCase({ actor: staff.assistant.actor, input: { caseId: kase.id, version: 1, communeReference: 'SECOND-SAVE', arrivedOn: '2026-03-02' }, context: newContext() }), 'CONFLICT');
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(await caseTrace(kase.id)).toEqual(before);
    expect(before.kase).toMatchObject({ version: 2, communeReference: 'FIRST-SAVE' });
    // A version from the future is just as stale.
    await refused(updateCase({ actor: staff.assistant.actor, input: { caseId: kase.id, version: 3, communeReference: 'X' }, context: newContext() }), 'CONFLICT');
    expect(await caseTrace(kase.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const kase = await openCase();
    const saves = await Promise.allSettled(
      ['FIRST', 'SECOND'].map((reference, i) =>
        updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, communeReference: reference, arrivedOn: `2026-01-0${i + 6}` }, context: newContext() }),
      ),
    );
    const won = saves.flatMap((save, i) => (save.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    const lost = saves.find((save) => save.status === 'rejected');
    expect(lost?.status === 'rejected' ? lost.reason : null).toMatchObject({ name: 'AppError', code: 'CONFLICT' });
    const winner = won[0] ?? 0;
    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(row).toMatchObject({ version: 2, communeReference: winner === 0 ? 'FIRST' : 'SECOND' });
    expect((row.facts as { arrivedOn: string }).arrivedOn).toBe(`2026-01-0${winner + 6}`);
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: 'FACTS_CHANGED' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: 'case', entityId: kase.id, action: 'case.updated' } })).toBe(1);
    expect((await deadlines(kase.id)).REGISTRATION?.dueOn).toBe(winner === 0 ? '2026-01-16' : '2026-01-19');
  });

  it('refuses to assign the case to a member of another firm, and changes nothing', async () => {
    const kase = await openCase();
    const before = await caseTrace(kase.id);
    const error = await refused(updateCase({ actor: staff.admin.actor, input: { caseId: kase.id, version: 1, assignedToId: elsewhere.admin.user.id }, context: newContext() }), 'VALIDATION');
    expect(error.details).toEqual({ fieldErrors: { assignedToId: ['assignee'] } });
    expect(await caseTrace(kase.id)).toEqual(before);
  });
});

describe('transitionCase', () => {
  it('takes a case from intake through card, renewal, refusal and appeal, with the legal dates at each step', async () => {
    const actor = staff.advisor.actor;
    const client = await newClient(staff.admin.actor);
    const { id: caseId } = await newCase(actor, client.id);
    const registration = (await deadlines(caseId)).REGISTRATION;
    expect(registration).toMatchObject({ dueOn: '2026-01-15', status: 'OPEN' });

    /** One step: exactly one event and one audit row, both saying what moved. */
    async function step(transition: string, facts: Record<string, unknown>, to: string) {
      const before = await db.case.findUniqueOrThrow({ where: { id: caseId } });
      const events = await db.caseEvent.count({ where: { caseId } });
      const audit = await db.auditLog.count({ where: { firmId: staff.firm.id, entity: 'case', entityId: caseId } });
      const context = newContext();
      const result = await transitionCase({ actor, input: { caseId, version: before.version, transition, facts, note: `step ${transition}` }, context, asOf: AS_OF });
      expect(result).toMatchObject({ stage: to, version: before.version + 1 });
      const newEvents = await db.caseEvent.findMany({ where: { caseId }, orderBy: { occurredAt: 'asc' }, skip: events });
      expect(newEvents).toEqual([
        expect.objectContaining({ type: 'TRANSITION', transition, fromStage: before.stage, toStage: to, visibility: 'CLIENT', actorId: actor.userId, note: `step ${transition}` }),
      ]);
      expect(newEvents[0]?.payload).toMatchObject({ facts: expect.any(Object), deadlines: result.deadlineChanges });
      const newAudit = await db.auditLog.findMany({ where: { firmId: staff.firm.id, entity: 'case', entityId: caseId }, orderBy: { id: 'asc' }, skip: audit });
      expect(newAudit).toEqual([expect.objectContaining({ action: 'case.transitioned', actorUserId: actor.userId, ip: context.ip })]);
      expect(newAudit[0]?.diff).toMatchObject({ before: { stage: before.stage }, after: { stage: to, transition } });
      const after = await db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(after).toMatchObject({ stage: to, version: before.version + 1 });
      return { after, found: await deadlines(caseId) };
    }

    // Filing the application meets the registration duty: the same row, now DONE.
    let { after, found } = await step('FILE_APPLICATION', { filedOn: '2026-01-12' }, 'APPLICATION_FILED');
    expect(found.REGISTRATION).toEqual({ ...registration, status: 'DONE' });
    expect(after).toMatchObject({ applicationFiledOn: new Date('2026-01-12T00:00:00Z'), nextDeadlineOn: null, nextDeadlineKind: null });

    ({ after, found } = await step('DECISION_APPROVED', { notifiedOn: '2026-03-02' }, 'APPROVED'));
    expect(Object.keys(found)).toEqual(['REGISTRATION']);
    expect(after.decisionNotifiedOn).toEqual(new Date('2026-03-02T00:00:00Z'));

    // A card valid until 31 Dec 2026: the window runs from the 45th (disputed firm default) to the 30th day before.
    ({ after, found } = await step('CARD_ISSUED', { cardType: 'A', cardNumber: 'B12345678', validFrom: '2026-03-10', validUntil: '2026-12-31' }, 'CARD_ISSUED'));
    expect(found.CARD_EXPIRY).toMatchObject({ dueOn: '2026-12-31', status: 'OPEN', confidence: 'H' });
    expect(found.RENEWAL_WINDOW).toMatchObject({ opensOn: '2026-11-16', dueOn: '2026-12-01', status: 'OPEN', confidence: 'L', disputed: true });
    expect(found.RENEWAL_WINDOW?.basis).toContain('45');
    expect(after).toMatchObject({ cardType: 'A', cardNumber: 'B12345678', cardValidUntil: new Date('2026-12-31T00:00:00Z'), nextDeadlineOn: new Date('2026-12-01T00:00:00Z'), nextDeadlineKind: 'RENEWAL_WINDOW' });
    const renewalWindowId = found.RENEWAL_WINDOW?.id;

    ({ after, found } = await step('OPEN_RENEWAL', { openedOn: '2026-09-25' }, 'RENEWAL_DUE'));
    expect(found.RENEWAL_WINDOW).toMatchObject({ id: renewalWindowId, status: 'OPEN' });

    ({ after, found } = await step('FILE_RENEWAL', { filedOn: '2026-09-28' }, 'RENEWAL_FILED'));
    expect(found.RENEWAL_WINDOW).toMatchObject({ id: renewalWindowId, status: 'DONE', dueOn: '2026-12-01' });
    expect(after).toMatchObject({ nextDeadlineOn: new Date('2026-12-31T00:00:00Z'), nextDeadlineKind: 'CARD_EXPIRY' });

    // 30 days from Friday 2 October end on Sunday 1 November (All Saints): Monday 2 November.
    ({ after, found } = await step('REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02', regime: 'ORDINARY' }, 'REFUSED'));
    expect(found.APPEAL).toMatchObject({ dueOn: '2026-11-02', status: 'OPEN', confidence: 'H' });
    expect(found.APPEAL?.basis).toContain('30 days');
    expect(after).toMatchObject({ appealRegime: 'ORDINARY', decisionNotifiedOn: new Date('2026-10-02T00:00:00Z'), nextDeadlineOn: new Date('2026-11-02T00:00:00Z'), nextDeadlineKind: 'APPEAL' });

    ({ after, found } = await step('FILE_APPEAL', { rvvRollNumber: 'RvV 301.442', filedOn: '2026-10-30' }, 'APPEAL_FILED'));
    expect(found.APPEAL).toMatchObject({ dueOn: '2026-11-02', status: 'DONE' });
    expect(after.rvvRollNumber).toBe('RvV 301.442');
    expect(found.REGISTRATION).toMatchObject({ id: registration?.id, status: 'DONE' });

    const page = await getCase({ actor: staff.assistant.actor, caseId });
    expect(page.stage).toBe('APPEAL_FILED');
    expect(page.transitions).toEqual(expect.arrayContaining(['APPEAL_DECIDED', 'CLOSE']));
    expect(page.transitions).not.toContain('FILE_APPEAL');
    expect(page.events).toHaveLength(8);
    expect(page.events.map((event) => event.type).sort()).toEqual(['CREATED', ...Array<string>(7).fill('TRANSITION')].sort());
  });

  it('keeps the renewal window done after the renewal is refused: the next deadline is the appeal, then the card expiry', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id);
    const steps: [string, Record<string, unknown>][] = [
      ['FILE_APPLICATION', { filedOn: '2026-01-12' }],
      ['DECISION_APPROVED', { notifiedOn: '2026-03-02' }],
      ['CARD_ISSUED', { cardType: 'A', cardNumber: 'B7654321', validUntil: '2026-12-31' }],
      ['OPEN_RENEWAL', { openedOn: '2026-09-25' }],
      ['FILE_RENEWAL', { filedOn: '2026-09-28' }],
      ['REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02', regime: 'ORDINARY' }],
    ];
    for (const [transition, facts] of steps) await move(staff.advisor.actor, caseId, await version(caseId), transition, facts);
    // The renewal was asked for in time; a refusal does not un-file it.
    expect((await deadlines(caseId)).RENEWAL_WINDOW?.status).toBe('DONE');
    await move(staff.advisor.actor, caseId, await version(caseId), 'FILE_APPEAL', { rvvRollNumber: 'RvV 1', filedOn: '2026-10-30' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ nextDeadlineKind: 'CARD_EXPIRY', nextDeadlineOn: new Date('2026-12-31T00:00:00Z') });
  });

  it('keeps the appeal deadline done once the appeal was filed, also when the case awaits a new decision after an annulment', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id, { procedure: 'APPEAL_RVV', stay: '', arrivedOn: '' });
    const steps: [string, Record<string, unknown>][] = [
      ['REFUSAL_NOTIFIED', { notifiedOn: '2026-10-02', regime: 'ORDINARY' }],
      ['FILE_APPEAL', { rvvRollNumber: 'RvV 2', filedOn: '2026-10-30' }],
      ['APPEAL_DECIDED', { decidedOn: '2026-11-20', result: 'ANNULLED' }],
    ];
    for (const [transition, facts] of steps) await move(staff.advisor.actor, caseId, await version(caseId), transition, facts);
    expect((await deadlines(caseId)).APPEAL?.status).toBe('DONE');
    // APPEAL_RVV has no DECISION_PENDING stage; a registration case does.
    const other = await newCase(staff.advisor.actor, client.id);
    for (const [transition, facts] of [['FILE_APPLICATION', { filedOn: '2026-01-12' }] as const, ...steps]) {
      await move(staff.advisor.actor, other.id, await version(other.id), transition, facts);
    }
    await move(staff.advisor.actor, other.id, await version(other.id), 'AWAIT_NEW_DECISION', { since: '2026-11-21' });
    // Otherwise the dashboard shows an appeal filed three weeks ago as an overdue appeal deadline.
    expect((await deadlines(other.id)).APPEAL).toMatchObject({ dueOn: '2026-11-02', status: 'DONE' });
  });

  it('records bookkeeping moves (awaiting a decision, closing) as internal events', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id);
    await move(staff.advisor.actor, caseId, 1, 'FILE_APPLICATION', { filedOn: '2026-01-12' });
    await move(staff.advisor.actor, caseId, 2, 'AWAIT_DECISION', { since: '2026-02-01' });
    await move(staff.advisor.actor, caseId, 3, 'CLOSE', { closedOn: '2026-11-23', reason: 'client left' });
    const events = await db.caseEvent.findMany({ where: { caseId, type: 'TRANSITION' }, orderBy: { occurredAt: 'asc' } });
    expect(events.map((e) => [e.transition, e.visibility])).toEqual([
      ['FILE_APPLICATION', 'CLIENT'],
      ['AWAIT_DECISION', 'INTERNAL'],
      ['CLOSE', 'INTERNAL'],
    ]);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ stage: 'CLOSED', closedAt: new Date('2026-11-23T00:00:00Z'), nextDeadlineOn: null });
    expect(Object.values(await deadlines(caseId)).map((d) => d.status)).toEqual(['SUPERSEDED']);
  });

  describe('refused moves', () => {
    let caseId: string;
    beforeAll(async () => {
      const client = await newClient(staff.advisor.actor);
      caseId = (await newCase(staff.advisor.actor, client.id)).id;
    });

    const refusals: [string, string, Record<string, unknown>, { code: string; field?: string }][] = [
      ['a move not allowed from intake', 'FILE_APPEAL', { rvvRollNumber: 'RvV 3', filedOn: '2026-10-30' }, { code: 'NOT_ALLOWED_FROM_STAGE' }],
      ['a date after today', 'FILE_APPLICATION', { filedOn: '2026-11-24' }, { code: 'DATE_IN_FUTURE', field: 'filedOn' }],
      ['a missing field', 'FILE_APPLICATION', {}, { code: 'MISSING_FIELD', field: 'filedOn' }],
      ['a refusal without a notification date', 'REFUSAL_NOTIFIED', { regime: 'ORDINARY' }, { code: 'MISSING_FIELD', field: 'notifiedOn' }],
      ['an impossible date', 'FILE_APPLICATION', { filedOn: '2026-02-30' }, { code: 'INVALID_FIELD', field: 'filedOn' }],
      ['an unknown move', 'TELEPORT', {}, { code: 'UNKNOWN_TRANSITION' }],
    ];

    it.each(refusals)('%s: VALIDATION with the reason, and nothing changes', async (_name, transition, facts, reason) => {
      const before = await caseTrace(caseId);
      const error = await refused(move(staff.advisor.actor, caseId, before.kase.version, transition, facts), 'VALIDATION');
      expect(error.userMessage).toBe(`reason.${reason.code}`);
      expect(error.details).toEqual({ reason, fieldErrors: { [reason.field ?? '_']: [reason.code] } });
      expect(await caseTrace(caseId)).toEqual(before);
      expect(before.kase).toMatchObject({ stage: 'INTAKE', version: 1 });
    });

    it('allows a date of today, and refuses a stale version with CONFLICT afterwards', async () => {
      await move(staff.advisor.actor, caseId, 1, 'FILE_APPLICATION', { filedOn: AS_OF });
      const before = await caseTrace(caseId);
      await refused(move(staff.advisor.actor, caseId, 1, 'DECISION_APPROVED', { notifiedOn: AS_OF }), 'CONFLICT');
      expect(await caseTrace(caseId)).toEqual(before);
      expect(before.kase).toMatchObject({ stage: 'APPLICATION_FILED', version: 2 });
    });
  });

  it('lets exactly one of two concurrent moves from the same version through', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id);
    const moves = await Promise.allSettled([
      move(staff.advisor.actor, caseId, 1, 'FILE_APPLICATION', { filedOn: '2026-01-12' }),
      move(staff.assistant.actor, caseId, 1, 'REFUSAL_NOTIFIED', { notifiedOn: '2026-01-12', regime: 'ORDINARY' }),
    ]);
    expect(moves.filter((m) => m.status === 'fulfilled')).toHaveLength(1);
    expect(await db.caseEvent.count({ where: { caseId, type: 'TRANSITION' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entity: 'case', entityId: caseId, action: 'case.transitioned' } })).toBe(1);
    expect(await version(caseId)).toBe(2);
  });
});

describe('addNote', () => {
  it('adds an internal note by default and a client-visible one when asked, each with its event and audit row', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id);
    const internal = await addNote({ actor: staff.assistant.actor, input: { caseId, body: ' Called the commune. ' }, context: newContext() });
    const visible = await addNote({ actor: staff.advisor.actor, input: { caseId, body: 'Your appointment is on Monday.', visibility: 'on' }, context: newContext() });
    const notes = await db.note.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
    expect(notes.map((n) => [n.id, n.body, n.visibility, n.clientId, n.authorId, n.fromClient])).toEqual([
      [internal.id, 'Called the commune.', 'INTERNAL', client.id, staff.assistant.user.id, false],
      [visible.id, 'Your appointment is on Monday.', 'CLIENT', client.id, staff.advisor.user.id, false],
    ]);
    const events = await db.caseEvent.findMany({ where: { caseId, type: 'NOTE' }, orderBy: { occurredAt: 'asc' } });
    expect(events.map((e) => [e.visibility, e.payload])).toEqual([
      ['INTERNAL', { noteId: internal.id }],
      ['CLIENT', { noteId: visible.id }],
    ]);
    const audit = await db.auditLog.findMany({ where: { entity: 'note', entityId: { in: [internal.id, visible.id] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.entityId, a.diff])).toEqual([
      ['note.created', internal.id, { after: { caseId, visibility: 'INTERNAL', length: 19 } }],
      ['note.created', visible.id, { after: { caseId, visibility: 'CLIENT', length: 30 } }],
    ]);
    // The body is not copied into the audit log.
    expect(JSON.stringify(audit.map((a) => a.diff))).not.toContain('commune');
    const page = await getCase({ actor: staff.advisor.actor, caseId });
    expect(page.notes.map((n) => n.id).sort()).toEqual([internal.id, visible.id].sort());
  });

  it("answers NOT_FOUND for another firm's case or a deleted case, and writes nothing", async () => {
    const theirs = await newClient(elsewhere.advisor.actor);
    const { id: theirCase } = await newCase(elsewhere.advisor.actor, theirs.id);
    const mine = await newClient(staff.advisor.actor);
    const { id: deletedCase } = await newCase(staff.advisor.actor, mine.id);
    await db.case.update({ where: { id: deletedCase }, data: { deletedAt: new Date() } });
    for (const caseId of [theirCase, deletedCase]) {
      const before = await caseTrace(caseId);
      await refused(addNote({ actor: staff.admin.actor, input: { caseId, body: 'Hello', visibility: 'CLIENT' }, context: newContext() }), 'NOT_FOUND');
      expect(await caseTrace(caseId)).toEqual(before);
    }
    expect(await db.note.count({ where: { firmId: staff.firm.id, body: 'Hello' } })).toBe(0);
  });

  it('refuses an empty note with VALIDATION on body', async () => {
    const client = await newClient(staff.advisor.actor);
    const { id: caseId } = await newCase(staff.advisor.actor, client.id);
    const error = await refused(addNote({ actor: staff.advisor.actor, input: { caseId, body: '   ' }, context: newContext() }), 'VALIDATION');
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toEqual(['body']);
    expect(await db.note.count({ where: { caseId } })).toBe(0);
  });
});

describe('listClients', () => {
  let firm: FirmWithStaff;
  let goncalves: { id: string; fileNumber: string };
  let fillers: { id: string; fileNumber: string }[];
  beforeAll(async () => {
    firm = await createFirmWithStaff('Search');
    goncalves = await newClient(firm.advisor.actor, { firstName: 'Inês', lastName: 'Gonçalves', nationality: 'PT' });
    fillers = [];
    for (let i = 1; i <= CLIENTS_PAGE_SIZE + 1; i++) fillers.push(await newClient(firm.advisor.actor, { firstName: `Jan${i}`, lastName: `Peeters ${String(i).padStart(2, '0')}` }));
    const deleted = await newClient(firm.advisor.actor, { firstName: 'Inês', lastName: 'Gonçalves Deleted' });
    await db.client.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    // Another firm with the same name: never listed here.
    await newClient(elsewhere.advisor.actor, { firstName: 'Inês', lastName: 'Gonçalves', nationality: 'PT' });
  });

  it('finds "Gonçalves" by "goncalves", "GONCALVES" and "gonçalves", and by the first name without accents', async () => {
    for (const q of ['goncalves', 'GONCALVES', 'gonçalves', 'ines gon', '  Goncalves  ']) {
      const page = await listClients({ actor: firm.assistant.actor, query: { q } });
      expect(page.rows.map((row) => row.id), q).toEqual([goncalves.id]);
      expect(page.total).toBe(1);
    }
    const byNumber = await listClients({ actor: firm.assistant.actor, query: { q: goncalves.fileNumber } });
    expect(byNumber.rows.map((row) => row.id)).toEqual([goncalves.id]);
  });

  it('pages by 50, sorted by name, with the total of the search, never the deleted ones', async () => {
    const first = await listClients({ actor: firm.advisor.actor, query: {} });
    const second = await listClients({ actor: firm.advisor.actor, query: { page: '2' } });
    const third = await listClients({ actor: firm.advisor.actor, query: { page: 3 } });
    expect([first.total, second.total, third.total]).toEqual([CLIENTS_PAGE_SIZE + 2, CLIENTS_PAGE_SIZE + 2, CLIENTS_PAGE_SIZE + 2]);
    expect([first.rows.length, second.rows.length, third.rows.length]).toEqual([CLIENTS_PAGE_SIZE, 2, 0]);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((row) => row.id))).toEqual(new Set([goncalves.id, ...fillers.map((f) => f.id)]));
    expect(all[0]?.id).toBe(goncalves.id);
    expect(all.slice(1).map((row) => row.lastName)).toEqual(fillers.map((_, i) => `Peeters ${String(i + 1).padStart(2, '0')}`));
    expect(first).toMatchObject({ page: 1, pageSize: CLIENTS_PAGE_SIZE, q: '' });

    const peeters = await listClients({ actor: firm.advisor.actor, query: { q: 'peeters', page: '2' } });
    expect(peeters).toMatchObject({ total: CLIENTS_PAGE_SIZE + 1, page: 2 });
    expect(peeters.rows.map((row) => row.lastName)).toEqual([`Peeters ${CLIENTS_PAGE_SIZE + 1}`]);
  });

  it('refuses a page that is not a positive number with VALIDATION', async () => {
    await refused(listClients({ actor: firm.advisor.actor, query: { page: '0' } }), 'VALIDATION');
    await refused(listClients({ actor: firm.advisor.actor, query: { page: 'abc' } }), 'VALIDATION');
  });

  it('takes % and _ in a search literally', async () => {
    for (const q of ['%', '_', 'peeters _1']) {
      const page = await listClients({ actor: firm.advisor.actor, query: { q } });
      expect(page.total, q).toBe(0);
    }
  });
});

describe('getClient and getCase', () => {
  it("show the firm's own client with their cases and notes, and answer NOT_FOUND for another firm's or deleted ones", async () => {
    const client = await newClient(staff.advisor.actor);
    const kase = await newCase(staff.advisor.actor, client.id);
    await addNote({ actor: staff.advisor.actor, input: { caseId: kase.id, body: 'Seen', visibility: 'CLIENT' }, context: newContext() });
    const page = await getClient({ actor: staff.assistant.actor, clientId: client.id });
    expect(page).toMatchObject({ id: client.id, fileNumber: client.fileNumber });
    expect(page.cases.map((c) => [c.id, c.reference, c.nextDeadlineKind])).toEqual([[kase.id, kase.reference, 'REGISTRATION']]);
    expect(page.notes.map((n) => n.body)).toEqual(['Seen']);

    const casePage = await getCase({ actor: staff.assistant.actor, caseId: kase.id });
    expect(casePage).toMatchObject({ id: kase.id, clientId: client.id, stage: 'INTAKE', version: 1 });
    expect(casePage.deadlines.map((d) => d.kind)).toEqual(['REGISTRATION']);
    expect(casePage.transitions).toContain('FILE_APPLICATION');
    expect(casePage.members.map((m) => m.id).sort()).toEqual([staff.admin.user.id, staff.advisor.user.id, staff.assistant.user.id].sort());

    await refused(getClient({ actor: elsewhere.admin.actor, clientId: client.id }), 'NOT_FOUND');
    await refused(getCase({ actor: elsewhere.admin.actor, caseId: kase.id }), 'NOT_FOUND');
    await db.case.update({ where: { id: kase.id }, data: { deletedAt: new Date() } });
    await db.client.update({ where: { id: client.id }, data: { deletedAt: new Date() } });
    await refused(getCase({ actor: staff.admin.actor, caseId: kase.id }), 'NOT_FOUND');
    await refused(getClient({ actor: staff.admin.actor, clientId: client.id }), 'NOT_FOUND');
  });

  it('hides superseded deadlines from the case page', async () => {
    const client = await newClient(staff.advisor.actor);
    const kase = await newCase(staff.advisor.actor, client.id);
    await updateCase({ actor: staff.advisor.actor, input: { caseId: kase.id, version: 1, stay: 'SHORT' }, context: newContext() });
    const page = await getCase({ actor: staff.advisor.actor, caseId: kase.id });
    expect(page.deadlines.map((d) => [d.kind, d.status])).toEqual([['ARRIVAL_DECLARATION', 'OPEN']]);
  });
});
