import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Client } from '@/lib/generated/prisma/client';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, type FirmWithStaff } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-details-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { attachClientDocument } = await import('@/lib/server/document/attach-client-document');
const { updateDocumentDetails } = await import('@/lib/server/document/update-document-details');
const { setPlannedSubmission } = await import('@/lib/server/document/set-planned-submission');
const { listCaseDocuments } = await import('@/lib/server/document/list-case-documents');
const { applyDefaultChecklist } = await import('@/lib/server/checklist/apply-default-checklist');
const { addChecklistItem } = await import('@/lib/server/checklist/add-checklist-item');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

let a: FirmWithStaff;
let b: FirmWithStaff;
let client: Client;

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Details A'), createFirmWithStaff('Details B')]);
  ({ client } = await createClient(a.firm));
});

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
const addItem = (on: Case, documentKind: 'PASSPORT' | 'OTHER' = 'PASSPORT') =>
  db.checklistItem.create({ data: { firmId: on.firmId, caseId: on.id, documentKind, label: 'Passport', status: 'REQUESTED', requestedAt: new Date() } });
const upload = (on: Case, itemId: string) =>
  uploadDocument({ actor: a.advisor.actor, input: { caseId: on.id, checklistItemId: itemId }, file: { name: 'scan.pdf', body: pdf() }, context: newContext(), storage });
const details = (input: Record<string, unknown>, actor = a.advisor.actor) => updateDocumentDetails({ actor, input, context: newContext() });
const nextDeadline = async (caseId: string) => {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { nextDeadlineOn: true, nextDeadlineKind: true } });
  return [row.nextDeadlineOn?.toISOString().slice(0, 10) ?? null, row.nextDeadlineKind];
};

describe("a document's expiry date", () => {
  let documentId: string;
  let first: Case;
  let second: Case;
  let closed: Case;
  const passport = (expiresOn: string, issuedOn = '2017-04-01') => ({ documentId, title: 'Passport', kind: 'PASSPORT', issuedOn, expiresOn });
  const expiryRows = () => db.deadline.findMany({ where: { documentId }, orderBy: { caseId: 'asc' } });

  beforeAll(async () => {
    [first, second, closed] = await Promise.all([createCase(a.firm, client), createCase(a.firm, client), createCase(a.firm, client)]);
    ({ documentId } = await upload(first, (await addItem(first)).id));
    for (const kase of [second, closed]) await attachClientDocument({ actor: a.advisor.actor, input: { itemId: (await addItem(kase)).id, documentId }, context: newContext() });
    await db.case.update({ where: { id: closed.id }, data: { stage: 'CLOSED', closedAt: new Date() } });
    // The first case already has an earlier deadline, entered by hand.
    await db.deadline.create({ data: { firmId: a.firm.id, caseId: first.id, key: 'manual:commune', kind: 'REGISTRATION', dueOn: day('2027-01-15'), basis: 'Commune appointment', confidence: 'H', actor: 'ADVISOR', source: 'MANUAL' } });
  });

  it('becomes a DOCUMENT_EXPIRY deadline on every open case it serves, and the next deadline where it is the earliest', async () => {
    await details(passport('2027-03-31'));
    const rows = await expiryRows();
    expect(rows.map((row) => row.caseId)).toEqual([first.id, second.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ firmId: a.firm.id, kind: 'DOCUMENT_EXPIRY', source: 'DOCUMENT', documentId, status: 'OPEN', dueOn: day('2027-03-31'), actor: 'CLIENT', key: `document-expiry:${documentId}` });
    }
    expect(await nextDeadline(second.id)).toEqual(['2027-03-31', 'DOCUMENT_EXPIRY']);
    expect(await nextDeadline(first.id)).toEqual(['2027-01-15', 'REGISTRATION']);
    expect(await nextDeadline(closed.id)).toEqual([null, null]);
    expect(await db.auditLog.findFirst({ where: { action: 'document.updated', entityId: documentId }, orderBy: { id: 'desc' } })).toMatchObject({
      actorUserId: a.advisor.user.id,
      diff: { before: { expiresOn: null }, after: { expiresOn: '2027-03-31', issuedOn: '2017-04-01' } },
    });
  });

  it('moves the same rows when the date is corrected, and supersedes them when it is cleared', async () => {
    await details(passport('2027-03-31'));
    const before = await expiryRows();
    await details(passport('2026-12-20'));
    const moved = await expiryRows();
    expect(moved.map((row) => [row.id, row.dueOn, row.status])).toEqual(before.map((row) => [row.id, day('2026-12-20'), 'OPEN']));
    expect(await nextDeadline(first.id)).toEqual(['2026-12-20', 'DOCUMENT_EXPIRY']);

    await details(passport(''));
    const cleared = await expiryRows();
    expect(cleared.map((row) => [row.id, row.status])).toEqual(before.map((row) => [row.id, 'SUPERSEDED']));
    expect(await nextDeadline(first.id)).toEqual(['2027-01-15', 'REGISTRATION']);
    expect(await nextDeadline(second.id)).toEqual([null, null]);
  });

  it('refuses an expiry before the issue date, and another firm, changing nothing', async () => {
    await details(passport('2030-01-01'));
    const [document, rows] = [await db.document.findUniqueOrThrow({ where: { id: documentId } }), await expiryRows()];
    const error = await expectAppError(details(passport('2016-12-31', '2017-04-01')), 'VALIDATION');
    expect(error).toMatchObject({ details: { fieldErrors: { expiresOn: ['expiresBeforeIssued'] } } });
    await expectAppError(details(passport('2031-01-01'), b.advisor.actor), 'NOT_FOUND');
    expect([await db.document.findUniqueOrThrow({ where: { id: documentId } }), await expiryRows()]).toEqual([document, rows]);
  });


  it('comes along when the document is attached to another case later', async () => {
    await details(passport('2029-05-31'));
    const later = await createCase(a.firm, client);
    await attachClientDocument({ actor: a.assistant.actor, input: { itemId: (await addItem(later)).id, documentId }, context: newContext() });
    expect(await db.deadline.findFirst({ where: { caseId: later.id, documentId } })).toMatchObject({ kind: 'DOCUMENT_EXPIRY', source: 'DOCUMENT', dueOn: day('2029-05-31'), status: 'OPEN' });
    expect(await nextDeadline(later.id)).toEqual(['2029-05-31', 'DOCUMENT_EXPIRY']);
  });
});

describe('warnings on the planned submission date', () => {
  let kase: Case;
  let byKey: Map<string | null, { id: string; documentId: string }>;

  const findings = async (itemId: string) => {
    const panel = await listCaseDocuments({ actor: a.assistant.actor, caseId: kase.id });
    return panel.items.find((item) => item.id === itemId)?.findings;
  };
  const plan = (plannedSubmissionOn: string) => setPlannedSubmission({ actor: a.assistant.actor, input: { caseId: kase.id, plannedSubmissionOn }, context: newContext() });
  const item = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`no ${key} item`);
    return found;
  };

  beforeAll(async () => {
    kase = await createCase(a.firm, client);
    await applyDefaultChecklist({ actor: a.advisor.actor, input: { caseId: kase.id }, context: newContext() });
    const custom = await addChecklistItem({ actor: a.advisor.actor, input: { caseId: kase.id, documentKind: 'MEDICAL_CERTIFICATE', label: 'Medical certificate (second doctor)' }, context: newContext() });
    byKey = new Map();
    for (const row of await db.checklistItem.findMany({ where: { caseId: kase.id } })) {
      if (row.ruleKey !== 'passport' && row.ruleKey !== 'medical-certificate' && row.ruleKey !== 'criminal-record' && row.id !== custom.id) continue;
      const { documentId } = await upload(kase, row.id);
      byKey.set(row.ruleKey ?? 'custom', { id: row.id, documentId });
    }
  });

  it('warns that a certificate issued more than 6 months before the planned date is too old, also on an item added by hand', async () => {
    for (const key of ['medical-certificate', 'custom']) await details({ documentId: item(key).documentId, title: 'Medical certificate', kind: 'MEDICAL_CERTIFICATE', issuedOn: '2026-02-01' });
    expect(await plan('2026-09-01')).toEqual({ plannedSubmissionOn: '2026-09-01' });
    const tooOld = [{ code: 'CERTIFICATE_TOO_OLD', severity: 'WARNING' }];
    expect(await findings(item('medical-certificate').id)).toEqual(tooOld);
    expect(await findings(item('custom').id)).toEqual(tooOld);
    // A certificate without its issue date cannot be judged: the advisor is told to read it off the paper.
    expect(await findings(item('criminal-record').id)).toEqual([{ code: 'ISSUE_DATE_UNKNOWN', severity: 'WARNING' }]);

    await plan('2026-07-15');
    expect(await findings(item('medical-certificate').id)).toEqual([]);
    const panel = await listCaseDocuments({ actor: a.advisor.actor, caseId: kase.id });
    expect(panel).toMatchObject({ plannedSubmissionOn: '2026-07-15', submissionOn: '2026-07-15' });
  });

  it.each([
    ['valid less than 12 months after it', '2027-06-30', [{ code: 'PASSPORT_VALID_UNDER_12_MONTHS', severity: 'WARNING' }]],
    ['expired by then', '2026-08-15', [{ code: 'EXPIRED', severity: 'BLOCKING' }]],
    ['valid long after it', '2028-01-01', []],
  ])('judges a passport %s', async (_label, expiresOn, expected) => {
    await plan('2026-09-01');
    await details({ documentId: item('passport').documentId, title: 'Passport', kind: 'PASSPORT', issuedOn: '2018-01-01', expiresOn });
    expect(await findings(item('passport').id)).toEqual(expected);
  });

  it("answers NOT_FOUND to another firm for the case's panel and its planned date", async () => {
    await plan('2026-09-01');
    await expectAppError(listCaseDocuments({ actor: b.advisor.actor, caseId: kase.id }), 'NOT_FOUND');
    await expectAppError(setPlannedSubmission({ actor: b.advisor.actor, input: { caseId: kase.id, plannedSubmissionOn: '2027-01-01' }, context: newContext() }), 'NOT_FOUND');
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).plannedSubmissionOn).toEqual(day('2026-09-01'));
  });
});
