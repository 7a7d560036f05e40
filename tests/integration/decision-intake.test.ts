import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import type { Case } from '@/lib/generated/prisma/client';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { writeCorruptPdf, writeEncryptedPdf, writeLetterWithoutDates, writeScannedDecisionPng, writeTextDecisionPdf } from '../support/decision-letters';
import { filesUnder } from './support/document-files';
import { addMember, createCase, createClient, createFirmWithStaff, expectAppError, newContext, writeCounts, type FirmWithStaff, type PlainClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// A decision letter read into a case, confirmed, and its appeal deadline checked by a second person, against a
// real Postgres, the local storage driver and the real readers (pdf text layer, tesseract OCR).
const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-decisions-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { uploadDecisionLetter } = await import('@/lib/server/decision/upload-decision-letter');
const { confirmDecisionIntake } = await import('@/lib/server/decision/confirm-decision-intake');
const { discardDecisionIntake } = await import('@/lib/server/decision/discard-decision-intake');
const { confirmDeadline } = await import('@/lib/server/deadline/confirm-deadline');
const { setDeadlineConfirmation } = await import('@/lib/server/firm/set-deadline-confirmation');
const { listUnconfirmedDeadlines } = await import('@/lib/server/dashboard/list-unconfirmed-deadlines');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const AS_OF = '2026-12-04';
const FACTS = { decisionDate: '2026-11-12', notifiedOn: '2026-11-16', dvzFileNumber: '8123456', clientName: 'Amina El Idrissi' };

let a: FirmWithStaff;
let b: FirmWithStaff;
let client: PlainClient;

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Decisions A'), createFirmWithStaff('Decisions B')]);
  client = await createClient(a.firm);
});

async function pendingCase(): Promise<Case> {
  const kase = await createCase(a.firm, client.client);
  return db.case.update({ where: { id: kase.id }, data: { stage: 'DECISION_PENDING', procedure: 'REGISTRATION_NON_EU', facts: { procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05', applicationFiledOn: '2026-02-01' }, applicationFiledOn: new Date('2026-02-01T00:00:00Z') } });
}

async function letter(write: (file: string) => Promise<unknown>, name: string) {
  const file = path.join(dataDir, `${Math.random().toString(36).slice(2)}-${name}`);
  await write(file);
  return { name, body: new Uint8Array(await readFile(file)) };
}

const upload = (actor: StaffActor, caseId: string, file: { name: string; body: Uint8Array }) =>
  uploadDecisionLetter({ actor, input: { caseId }, file, context: newContext(), storage, asOf: AS_OF });

const confirmInput = (intakeId: string, version: number, overrides: Record<string, unknown> = {}) => ({
  intakeId, version, decisionType: 'ANNEX_20', outcome: 'REFUSED', decisionDate: FACTS.decisionDate, notifiedOn: FACTS.notifiedOn, notificationMethod: 'IN_PERSON', dvzFileNumber: FACTS.dvzFileNumber, regime: 'ORDINARY', ...overrides,
});

describe('reading a decision letter into a case', () => {
  it('stores the letter as the client’s decision document and proposes its facts, changing nothing else', async () => {
    const kase = await pendingCase();
    const result = await upload(a.advisor.actor, kase.id, await letter((f) => writeTextDecisionPdf(f, 'nl', FACTS), 'bijlage-20.pdf'));
    expect(result.method).toBe('TEXT');
    const intake = await db.decisionIntake.findUniqueOrThrow({ where: { id: result.intakeId } });
    expect(intake).toMatchObject({ firmId: a.firm.id, caseId: kase.id, status: 'PROPOSED', documentId: result.documentId });
    const proposal = intake.proposal as Record<string, { value: unknown; start: number; end: number } | null>;
    expect(proposal.notifiedOn?.value).toBe(FACTS.notifiedOn);
    expect(proposal.dvzFileNumber?.value).toBe(FACTS.dvzFileNumber);
    // The highlight points at the letter's own words.
    expect(intake.text.slice(proposal.dvzFileNumber!.start, proposal.dvzFileNumber!.end)).toContain('8123456');
    const document = await db.document.findUniqueOrThrow({ where: { id: result.documentId }, include: { cases: true } });
    expect(document).toMatchObject({ kind: 'DECISION_LETTER', clientId: client.client.id });
    expect(document.cases.map((link) => link.caseId)).toEqual([kase.id]);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ stage: 'DECISION_PENDING', version: kase.version });
    expect(await db.auditLog.count({ where: { firmId: a.firm.id, action: 'decision.read', entityId: intake.id } })).toBe(1);
  });

  it('reads a photographed French letter by OCR', async () => {
    const kase = await pendingCase();
    const result = await upload(a.advisor.actor, kase.id, await letter((f) => writeScannedDecisionPng(f, 'fr', FACTS), 'annexe-20.png'));
    expect(result.method).toBe('OCR');
    const proposal = (await db.decisionIntake.findUniqueOrThrow({ where: { id: result.intakeId } })).proposal as Record<string, { value: unknown } | null>;
    expect(proposal.notifiedOn?.value).toBe(FACTS.notifiedOn);
    expect(proposal.dvzFileNumber?.value).toBe(FACTS.dvzFileNumber);
  });

  it('proposes no date for a letter without one, and marks the fields as not found', async () => {
    const kase = await pendingCase();
    const result = await upload(a.advisor.actor, kase.id, await letter((f) => writeLetterWithoutDates(f), 'brief.pdf'));
    const proposal = (await db.decisionIntake.findUniqueOrThrow({ where: { id: result.intakeId } })).proposal as Record<string, unknown>;
    expect(proposal.decisionDate).toBeNull();
    expect(proposal.notifiedOn).toBeNull();
  });

  it.each([
    ['a corrupt PDF', (f: string) => writeCorruptPdf(f), 'decisions.read.corrupt'],
    ['a password-protected PDF', (f: string) => writeEncryptedPdf(f), 'decisions.read.passwordProtected'],
  ])('refuses %s with a clear message and keeps nothing', async (_label, write, message) => {
    const kase = await pendingCase();
    const before = await writeCounts();
    const filesBefore = await filesUnder(path.join(dataDir, 'objects'));
    const error = await expectAppError(upload(a.advisor.actor, kase.id, await letter(write, 'letter.pdf')), 'VALIDATION');
    expect(error.userMessage).toBe(message);
    expect(await writeCounts()).toEqual(before);
    expect(await filesUnder(path.join(dataDir, 'objects'))).toEqual(filesBefore);
  });

  it('does not reach another firm’s case', async () => {
    const kase = await pendingCase();
    const before = await writeCounts();
    await expectAppError(upload(b.admin.actor, kase.id, await letter((f) => writeTextDecisionPdf(f, 'nl', FACTS), 'x.pdf')), 'NOT_FOUND');
    expect(await writeCounts()).toEqual(before);
  });
});

describe('confirming the facts', () => {
  async function proposed() {
    const kase = await pendingCase();
    const { intakeId } = await upload(a.advisor.actor, kase.id, await letter((f) => writeTextDecisionPdf(f, 'nl', FACTS), 'bijlage-20.pdf'));
    return { kase, intakeId };
  }

  it('moves the case to refused, computes the appeal deadline and keeps the DVZ number, with audit rows', async () => {
    const { kase, intakeId } = await proposed();
    const result = await confirmDecisionIntake({ actor: a.advisor.actor, input: confirmInput(intakeId, kase.version), context: newContext(), asOf: AS_OF });
    expect(result.stage).toBe('REFUSED');
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ stage: 'REFUSED', dvzFileNumber: FACTS.dvzFileNumber, appealRegime: 'ORDINARY' });
    expect((after.facts as Record<string, unknown>).decisionLetter).toMatchObject({ type: 'ANNEX_20', decisionDate: FACTS.decisionDate, notificationMethod: 'IN_PERSON' });
    // 30 days from Monday 16 November 2026: Wednesday 16 December, a working day.
    const appeal = await db.deadline.findFirstOrThrow({ where: { caseId: kase.id, kind: 'APPEAL', status: 'OPEN' } });
    expect(appeal.dueOn.toISOString().slice(0, 10)).toBe('2026-12-16');
    expect(await db.decisionIntake.findUniqueOrThrow({ where: { id: intakeId } })).toMatchObject({ status: 'CONFIRMED', confirmedById: a.advisor.user.id });
    const actions = (await db.auditLog.findMany({ where: { firmId: a.firm.id, OR: [{ entityId: intakeId }, { entityId: kase.id }] }, select: { action: true } })).map((row) => row.action).sort();
    expect(actions).toEqual(['case.transitioned', 'decision.confirmed', 'decision.read']);
    // A second confirmation of the same letter is told, and moves nothing.
    await expectAppError(confirmDecisionIntake({ actor: a.admin.actor, input: confirmInput(intakeId, after.version), context: newContext(), asOf: AS_OF }), 'CONFLICT');
  });

  it('refuses bad or doubtful facts with the field named, and changes nothing', async () => {
    const { kase, intakeId } = await proposed();
    const before = await writeCounts();
    const missing = await expectAppError(confirmDecisionIntake({ actor: a.advisor.actor, input: confirmInput(intakeId, kase.version, { notifiedOn: '' }), context: newContext(), asOf: AS_OF }), 'VALIDATION');
    expect(missing).toMatchObject({ details: { fieldErrors: { notifiedOn: ['notifiedOnRequired'] } } });
    const future = await expectAppError(confirmDecisionIntake({ actor: a.advisor.actor, input: confirmInput(intakeId, kase.version, { notifiedOn: '2026-12-20', decisionDate: '2026-12-18' }), context: newContext(), asOf: AS_OF }), 'VALIDATION');
    expect(future).toMatchObject({ details: { fieldErrors: { notifiedOn: ['DATE_IN_FUTURE'] } } });
    await expectAppError(confirmDecisionIntake({ actor: a.advisor.actor, input: confirmInput(intakeId, kase.version, { notifiedOn: '2026-11-10' }), context: newContext(), asOf: AS_OF }), 'VALIDATION');
    expect(await writeCounts()).toEqual(before);
    expect(await db.decisionIntake.findUniqueOrThrow({ where: { id: intakeId } })).toMatchObject({ status: 'PROPOSED' });
  });

  it('keeps another firm out of the intake, and lets the advisor set a wrong reading aside', async () => {
    const { kase, intakeId } = await proposed();
    const before = await writeCounts();
    await expectAppError(confirmDecisionIntake({ actor: b.admin.actor, input: confirmInput(intakeId, kase.version), context: newContext(), asOf: AS_OF }), 'NOT_FOUND');
    await expectAppError(discardDecisionIntake({ actor: b.admin.actor, input: { intakeId }, context: newContext() }), 'NOT_FOUND');
    expect(await writeCounts()).toEqual(before);
    await discardDecisionIntake({ actor: a.advisor.actor, input: { intakeId }, context: newContext() });
    expect(await db.decisionIntake.findUniqueOrThrow({ where: { id: intakeId } })).toMatchObject({ status: 'DISCARDED' });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ stage: 'DECISION_PENDING' });
  });
});

describe('four eyes on the appeal deadline', () => {
  it('shows the deadline as unconfirmed until someone other than the recorder confirms it', async () => {
    await setDeadlineConfirmation({ actor: a.admin.actor, input: { required: 'true' }, context: newContext() });
    const kase = await pendingCase();
    const { intakeId } = await upload(a.advisor.actor, kase.id, await letter((f) => writeTextDecisionPdf(f, 'nl', FACTS), 'bijlage-20.pdf'));
    await confirmDecisionIntake({ actor: a.advisor.actor, input: confirmInput(intakeId, kase.version), context: newContext(), asOf: AS_OF });
    const appeal = await db.deadline.findFirstOrThrow({ where: { caseId: kase.id, kind: 'APPEAL', status: 'OPEN' } });

    const listed = await listUnconfirmedDeadlines({ actor: a.assistant.actor });
    expect(listed.required).toBe(true);
    expect(listed.items.map((item) => item.deadlineId)).toContain(appeal.id);
    expect((await listUnconfirmedDeadlines({ actor: b.admin.actor })).items).toEqual([]);

    const same = await expectAppError(confirmDeadline({ actor: a.advisor.actor, input: { deadlineId: appeal.id }, context: newContext() }), 'VALIDATION');
    expect(same.userMessage).toBe('decisions.deadline.samePerson');
    await expectAppError(confirmDeadline({ actor: b.admin.actor, input: { deadlineId: appeal.id }, context: newContext() }), 'NOT_FOUND');

    const colleague = await addMember(a.firm, 'ADVISOR', 'Second Pair');
    await confirmDeadline({ actor: colleague.actor, input: { deadlineId: appeal.id }, context: newContext() });
    expect(await db.deadline.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ confirmedById: colleague.user.id });
    expect((await listUnconfirmedDeadlines({ actor: a.assistant.actor })).items.map((item) => item.deadlineId)).not.toContain(appeal.id);
    expect(await db.auditLog.count({ where: { firmId: a.firm.id, action: 'deadline.confirmed', entityId: appeal.id } })).toBe(1);
    await expectAppError(confirmDeadline({ actor: a.admin.actor, input: { deadlineId: appeal.id }, context: newContext() }), 'CONFLICT');
  });
});
