import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ClientActor, StaffActor } from '@/lib/auth/actor';
import type { Case, ChecklistItem } from '@/lib/generated/prisma/client';
import type { DeadlineKind, DocumentKind } from '@/lib/generated/prisma/enums';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf } from './support/document-files';
import { createCase, createClient, createFirmWithStaff, emailsTo, expectAppError, newContext, unique, type FirmWithStaff, type PortalClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// The portal from the attacker's side: a client signed in to the portal tries every portal operation with the ids
// of another client of the same firm (her own spouse), of a client of another firm, and of the internal parts of
// her own case, and tries the staff operations with her client actor. Nothing of it may come back, and the
// refused writes leave no trace.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-portal-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { addNote } = await import('@/lib/server/note/add-note');
const { requestChecklistItems } = await import('@/lib/server/checklist/request-checklist-items');
const { reviewChecklistItem } = await import('@/lib/server/checklist/review-checklist-item');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { openDocumentVersion } = await import('@/lib/server/document/open-document-version');
const { listCaseDocuments } = await import('@/lib/server/document/list-case-documents');
const { zipCaseDocuments } = await import('@/lib/server/document/zip-case-documents');
const { getPortalOverview } = await import('@/lib/server/portal/get-portal-overview');
const { getPortalCase } = await import('@/lib/server/portal/get-portal-case');
const { sendPortalMessage } = await import('@/lib/server/portal/send-portal-message');
const { listPortalDocumentRequests } = await import('@/lib/server/portal/list-portal-document-requests');
const { listAuditLog } = await import('@/lib/server/audit/list-audit-log');
const { getCase } = await import('@/lib/server/case/get-case');
const { listCases } = await import('@/lib/server/case/list-cases');
const { getClient } = await import('@/lib/server/client/get-client');
const { sealIdentityNumbers } = await import('@/lib/server/client/identity-numbers');
const { listRecentActivity } = await import('@/lib/server/dashboard/list-recent-activity');
const { listCaseTasks } = await import('@/lib/server/task/list-case-tasks');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// ---------- helpers ----------

/** Every object key anywhere in a value (arrays and nested objects walked; dates and primitives have none). */
function collectKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const entry of value) collectKeys(entry, keys);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, entry] of Object.entries(value)) {
      keys.add(key);
      collectKeys(entry, keys);
    }
  }
  return keys;
}

const sortedKeys = (value: object | null | undefined) => Object.keys(value ?? {}).sort();

/** Keys that name internal data: case facts and file numbers, search columns, identity numbers, timelines' payloads, storage and audit. */
const INTERNAL_KEYS = [
  'facts', 'payload', 'dvzFileNumber', 'rvvRollNumber', 'communeReference', 'searchText', 'nationalRegisterNumber', 'passportNumber',
  'nationalRegisterNumberEnc', 'nationalRegisterNumberHash', 'passportNumberEnc', 'passportNumberHash',
  'visibility', 'storageKey', 'sha256', 'duplicateOf', 'duplicateOfId', 'auditLog', 'auditLogs', 'diff', 'actorKind', 'ip', 'userAgent',
];
/** What an overview never carries at all: it is a summary, not the case. */
const NOT_IN_OVERVIEW = ['notes', 'events', 'tasks', 'documents', 'checklist', 'reminders', 'fileNumber', 'confidence', 'ruleId', 'disputed'];

function expectNoKeys(value: unknown, forbidden: readonly string[]) {
  const keys = collectKeys(value);
  expect(forbidden.filter((key) => keys.has(key))).toEqual([]);
}

/** The names of the markers whose text appears in the value's JSON, so a failure says which secret leaked. */
function leaked(value: unknown, markers: Record<string, string>): string[] {
  const json = JSON.stringify(value);
  return Object.entries(markers)
    .filter(([, marker]) => json.includes(marker))
    .map(([name]) => name);
}

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Rows of every table a portal write could touch, across all firms. */
async function writeRows() {
  const [notes, events, outbox, audit, documents, versions, items] = await Promise.all([
    db.note.count(), db.caseEvent.count(), db.emailOutbox.count(), db.auditLog.count(), db.document.count(), db.documentVersion.count(),
    db.checklistItem.findMany({ select: { id: true, status: true, documentId: true }, orderBy: { id: 'asc' } }),
  ]);
  return { notes, events, outbox, audit, documents, versions, items };
}

const asStaff = (actor: ClientActor) => actor as unknown as StaffActor;

// ---------- the world ----------

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const a: FirmWithStaff = await createFirmWithStaff('Portal');
  const b: FirmWithStaff = await createFirmWithStaff('Other');
  const amina: PortalClient = await createClient(a.firm, { withPortal: true, firstName: 'Amina' });
  const youssef: PortalClient = await createClient(a.firm, { withPortal: true, firstName: 'Youssef' });
  const bram: PortalClient = await createClient(b.firm, { withPortal: true, firstName: 'Bram', language: 'nl' });

  // Text only staff may read, each marker unique so a hit in a result can only be a leak.
  const u = unique();
  const secret = {
    // Stored sealed; what would leak is the number in clear, as staff see it on the client page.
    nationalRegisterNumber: `850730${String(parseInt(u.slice(0, 4), 16) % 100_000).padStart(5, '0')}`,
    passportNumber: `PPX${u.toUpperCase()}`,
    dvzColumn: `DVZ-COL-${u}`,
    dvzInFacts: `DVZ-FACT-${u}`,
    communeReference: `COMMUNE-${u}`,
    rvvRollNumber: `RVV-${u}`,
    sponsorFact: `sponsor-income-doubtful-${u}`,
    caseSearchText: `case-search-${u}`,
    clientSearchText: `client-search-${u}`,
    internalNote: `Internal: the marriage looks arranged, check with DVZ ${u}`,
    deletedClientNote: `Withdrawn message ${u}`,
    taskTitle: `Call the commune about the cohabitation check ${u}`,
    transitionNote: `Filed late because the advisor forgot ${u}`,
    internalEventNote: `Facts corrected after the interview ${u}`,
    deadlineBasisInPayload: `recomputed-decision-due-${u}`,
    advisorDeadlineBasis: `Art. 42 decision clock, internal estimate ${u}`,
    appealBasis: `Art. 39/57 appeal window ${u}`,
    doneDeadlineBasis: `Address change already done ${u}`,
    deletedCaseDeadlineBasis: `Deadline of a deleted case ${u}`,
    memoFileName: `advisor-memo-${u}`,
    itemFileName: `advisor-criminal-record-${u}`,
    closedItemLabel: `Closed case payslips ${u}`,
    notRequestedLabel: `Not yet requested ${u}`,
    internalReviewReason: `Conviction in 2019 not disclosed to the Office ${u}`,
  };

  const advisor = a.advisor;
  const sealed = await db.client.update({
    where: { id: amina.client.id },
    data: { ...sealIdentityNumbers({ clientId: amina.client.id, firmId: a.firm.id }, secret), searchText: secret.clientSearchText },
  });
  // The ciphertexts and hashes are internal too: no portal result may carry them either.
  Object.assign(secret, {
    sealedNationalRegisterNumber: sealed.nationalRegisterNumberEnc!, nationalRegisterNumberHash: sealed.nationalRegisterNumberHash!,
    sealedPassportNumber: sealed.passportNumberEnc!, passportNumberHash: sealed.passportNumberHash!,
  });

  const aminaCase = await db.case.update({
    where: { id: (await createCase(a.firm, amina.client, { stage: 'DECISION_PENDING', assignedToId: advisor.user.id })).id },
    data: {
      dvzFileNumber: secret.dvzColumn, communeReference: secret.communeReference, rvvRollNumber: secret.rvvRollNumber, searchText: secret.caseSearchText,
      facts: { dvzFileNumber: secret.dvzInFacts, sponsorNote: secret.sponsorFact },
    },
  });
  const aminaClosed = await createCase(a.firm, amina.client, { stage: 'APPROVED', assignedToId: advisor.user.id });
  const aminaDeleted = await createCase(a.firm, amina.client, { stage: 'INTAKE', assignedToId: advisor.user.id, deletedAt: new Date() });
  const youssefCase = await createCase(a.firm, youssef.client, { stage: 'APPLICATION_FILED', assignedToId: advisor.user.id });
  const bramCase = await createCase(b.firm, bram.client, { stage: 'REFUSED', assignedToId: b.advisor.user.id });

  const ctx = newContext;
  // Notes: one internal, one for the client (both through the real operation, with their NOTE events), one deleted.
  const internalNote = await addNote({ actor: advisor.actor, input: { caseId: aminaCase.id, body: secret.internalNote, visibility: 'INTERNAL' }, context: ctx() });
  const clientNote = await addNote({ actor: advisor.actor, input: { caseId: aminaCase.id, body: 'Your application was filed at the commune.', visibility: 'CLIENT' }, context: ctx() });
  await db.note.create({ data: { firmId: a.firm.id, clientId: amina.client.id, caseId: aminaCase.id, body: secret.deletedClientNote, visibility: 'CLIENT', deletedAt: new Date() } });
  const youssefNoteBody = `Youssef's own message about his card ${u}`;
  const youssefInternalBody = `Youssef internal ${u}`;
  await addNote({ actor: advisor.actor, input: { caseId: youssefCase.id, body: youssefNoteBody, visibility: 'CLIENT' }, context: ctx() });
  await addNote({ actor: advisor.actor, input: { caseId: youssefCase.id, body: youssefInternalBody, visibility: 'INTERNAL' }, context: ctx() });
  const bramNoteBody = `Bram's bericht ${u}`;
  await addNote({ actor: b.advisor.actor, input: { caseId: bramCase.id, body: bramNoteBody, visibility: 'CLIENT' }, context: ctx() });

  // Timeline: internal events with internal payloads, and client-visible events whose payload and advisor note stay internal.
  const event = (caseId: string, firmId: string, data: Record<string, unknown>) =>
    db.caseEvent.create({ data: { firmId, caseId, actorId: advisor.user.id, type: 'NOTE', ...data } });
  const internalTask = await event(aminaCase.id, a.firm.id, { type: 'TASK', visibility: 'INTERNAL', payload: { taskId: `task-${u}`, title: secret.taskTitle } });
  const internalFacts = await event(aminaCase.id, a.firm.id, {
    type: 'FACTS_CHANGED', visibility: 'INTERNAL', note: secret.internalEventNote, payload: { facts: { communeReference: secret.communeReference } },
  });
  const transition = await event(aminaCase.id, a.firm.id, {
    type: 'TRANSITION', transition: 'FILE_APPLICATION', fromStage: 'INTAKE', toStage: 'APPLICATION_FILED', visibility: 'CLIENT', note: secret.transitionNote,
    payload: { facts: { dvzFileNumber: secret.dvzInFacts, applicationFiledOn: '2026-03-02' }, deadlines: [{ kind: 'DECISION_DUE', dueOn: '2026-12-02', basis: secret.deadlineBasisInPayload }] },
  });
  const awaitDecision = await event(aminaCase.id, a.firm.id, {
    type: 'TRANSITION', transition: 'AWAIT_DECISION', fromStage: 'APPLICATION_FILED', toStage: 'DECISION_PENDING', visibility: 'CLIENT',
    payload: { facts: { dvzFileNumber: secret.dvzInFacts }, deadlines: [] },
  });
  const youssefEventNote = `Youssef transition note ${u}`;
  await event(youssefCase.id, a.firm.id, { type: 'TRANSITION', transition: 'FILE_APPLICATION', toStage: 'APPLICATION_FILED', visibility: 'CLIENT', note: youssefEventNote });

  // Deadlines: the advisor's own clocks, the client's open one, one done, one superseded, one on a deleted case.
  const deadline = (kase: Case, kind: DeadlineKind, actor: 'CLIENT' | 'ADVISOR', basis: string, status: 'OPEN' | 'DONE' | 'SUPERSEDED' = 'OPEN') =>
    db.deadline.create({ data: { firmId: kase.firmId, caseId: kase.id, key: `${kind}:${unique()}`, kind, dueOn: new Date('2026-12-02'), basis, confidence: 'H', actor, status } });
  const deadlines = {
    advisorDecision: await deadline(aminaCase, 'DECISION_DUE', 'ADVISOR', secret.advisorDeadlineBasis),
    advisorAppeal: await deadline(aminaCase, 'APPEAL', 'ADVISOR', secret.appealBasis),
    clientRegistration: await deadline(aminaCase, 'REGISTRATION', 'CLIENT', 'Register at your commune within 8 working days.'),
    clientDone: await deadline(aminaCase, 'ADDRESS_CHANGE', 'CLIENT', secret.doneDeadlineBasis, 'DONE'),
    clientSuperseded: await deadline(aminaCase, 'RENEWAL_WINDOW', 'CLIENT', `${secret.doneDeadlineBasis} superseded`, 'SUPERSEDED'),
    clientOnClosed: await deadline(aminaClosed, 'CARD_EXPIRY', 'CLIENT', 'Your card expires.'),
    clientOnDeleted: await deadline(aminaDeleted, 'REGISTRATION', 'CLIENT', secret.deletedCaseDeadlineBasis),
    youssef: await deadline(youssefCase, 'CARD_EXPIRY', 'CLIENT', `Youssef card expiry ${u}`),
    bram: await deadline(bramCase, 'APPEAL', 'CLIENT', `Bram beroep ${u}`),
  };

  // Documents.
  const item = (kase: Case, documentKind: DocumentKind, label: string | null = null) => db.checklistItem.create({ data: { firmId: kase.firmId, caseId: kase.id, documentKind, label } });
  const request = (staff: StaffActor, kase: Case, items: ChecklistItem[]) => requestChecklistItems({ actor: staff, input: { caseId: kase.id, itemIds: items.map((i) => i.id) }, context: ctx() });
  const upload = (actor: Actor, kase: Case, input: { checklistItemId?: string; kind?: DocumentKind }, name: string, bytes = pdf()) =>
    uploadDocument({ actor, input: { caseId: kase.id, ...input }, file: { name, body: bytes }, context: ctx(), storage });

  const passportItem = await item(aminaCase, 'PASSPORT');
  const accommodationItem = await item(aminaCase, 'PROOF_OF_ACCOMMODATION');
  const notRequestedItem = await item(aminaCase, 'CRIMINAL_RECORD', secret.notRequestedLabel);
  await request(advisor.actor, aminaCase, [passportItem, accommodationItem]);
  const aminaBytes = pdf();
  const aminaUpload = await upload(amina.actor, aminaCase, { checklistItemId: passportItem.id }, 'my-passport.pdf', aminaBytes);
  const rejectionReason = 'The scan is cut off: please send all pages of your passport.';
  await reviewChecklistItem({ actor: advisor.actor, input: { itemId: passportItem.id, versionId: aminaUpload.versionId, decision: 'REJECT', reason: rejectionReason }, context: ctx() });
  // The advisor answers a requested item with a paper they received by post: it answers what she was asked.
  const advisorOnRequested = await upload(advisor.actor, aminaCase, { checklistItemId: accommodationItem.id }, 'rental-contract.pdf');
  // Filed by the advisor without asking her: a checklist item never requested, and a memo with no item at all.
  const advisorOnNotRequested = await upload(advisor.actor, aminaCase, { checklistItemId: notRequestedItem.id }, `${secret.itemFileName}.pdf`);
  const advisorMemo = await upload(advisor.actor, aminaCase, { kind: 'OTHER' }, `${secret.memoFileName}.pdf`);
  // The advisor reviews the paper they filed unasked: internal work, whatever the review writes.
  await reviewChecklistItem({ actor: advisor.actor, input: { itemId: notRequestedItem.id, versionId: advisorOnNotRequested.versionId, decision: 'REJECT', reason: secret.internalReviewReason }, context: ctx() });
  const internalReview = await db.caseEvent.findFirstOrThrow({ where: { caseId: aminaCase.id, type: 'DOCUMENT', payload: { path: ['checklistItemId'], equals: notRequestedItem.id }, note: secret.internalReviewReason } });
  const unaskedApprovedItem = await item(aminaCase, 'BIRTH_CERTIFICATE');
  const advisorOnUnaskedApproved = await upload(advisor.actor, aminaCase, { checklistItemId: unaskedApprovedItem.id }, 'birth-certificate-from-the-commune.pdf');
  await reviewChecklistItem({ actor: advisor.actor, input: { itemId: unaskedApprovedItem.id, versionId: advisorOnUnaskedApproved.versionId, decision: 'APPROVE' }, context: ctx() });
  const internalApproval = await db.caseEvent.findFirstOrThrow({ where: { caseId: aminaCase.id, type: 'DOCUMENT', payload: { path: ['checklistItemId'], equals: unaskedApprovedItem.id }, AND: { payload: { path: ['action'], equals: 'approved' } } } });
  // A review of what she was asked stays her news.
  await reviewChecklistItem({ actor: advisor.actor, input: { itemId: accommodationItem.id, versionId: advisorOnRequested.versionId, decision: 'APPROVE' }, context: ctx() });

  // A request on a case that was closed afterwards: no longer something to provide.
  const closedItem = await item(aminaClosed, 'PROOF_OF_MEANS', secret.closedItemLabel);
  await request(advisor.actor, aminaClosed, [closedItem]);
  await db.case.update({ where: { id: aminaClosed.id }, data: { closedAt: new Date(), stage: 'CLOSED' } });

  const youssefItem = await item(youssefCase, 'MARRIAGE_CERTIFICATE');
  await request(advisor.actor, youssefCase, [youssefItem]);
  const youssefUpload = await upload(youssef.actor, youssefCase, { checklistItemId: youssefItem.id }, `youssef-marriage-${u}.pdf`);
  const youssefMemo = await upload(advisor.actor, youssefCase, { kind: 'OTHER' }, `youssef-memo-${u}.pdf`);

  const bramItem = await item(bramCase, 'DECISION_LETTER');
  await request(b.advisor.actor, bramCase, [bramItem]);
  const bramUpload = await upload(bram.actor, bramCase, { checklistItemId: bramItem.id }, `bram-beslissing-${u}.pdf`);

  // Family: Amina's link to her spouse is hidden; his link back to her is shown (in his portal, not hers).
  const spouseLink = await db.familyLink.create({ data: { firmId: a.firm.id, clientId: amina.client.id, relatedClientId: youssef.client.id, relation: 'SPOUSE', visibleInPortal: false } });
  await db.familyLink.create({ data: { firmId: a.firm.id, clientId: youssef.client.id, relatedClientId: amina.client.id, relation: 'SPOUSE', visibleInPortal: true } });

  // Everything of Youssef's and Bram's that Amina must never get back.
  const foreign = {
    youssefClientId: youssef.client.id, youssefFileNumber: youssef.client.fileNumber, youssefEmail: youssef.client.email ?? 'none',
    youssefCaseId: youssefCase.id, youssefReference: youssefCase.reference, youssefNote: youssefNoteBody, youssefInternalNote: youssefInternalBody,
    youssefEventNote, youssefDeadlineId: deadlines.youssef.id, youssefDeadlineBasis: deadlines.youssef.basis,
    youssefItemId: youssefItem.id, youssefDocumentId: youssefUpload.documentId, youssefVersionId: youssefUpload.versionId, youssefFileName: `youssef-marriage-${u}`,
    youssefMemoId: youssefMemo.documentId, youssefMemoFile: `youssef-memo-${u}`,
    bramClientId: bram.client.id, bramName: bram.client.lastName, bramCaseId: bramCase.id, bramReference: bramCase.reference, bramNote: bramNoteBody,
    bramDeadlineId: deadlines.bram.id, bramDeadlineBasis: deadlines.bram.basis, bramItemId: bramItem.id, bramVersionId: bramUpload.versionId, bramFileName: `bram-beslissing-${u}`,
    firmB: b.firm.name,
  };
  // Ids of internal rows on her own case, which must not come back either.
  const internalIds = {
    internalNoteId: internalNote.id, internalTaskEvent: internalTask.id, internalFactsEvent: internalFacts.id,
    advisorDecisionId: deadlines.advisorDecision.id, advisorAppealId: deadlines.advisorAppeal.id, doneDeadlineId: deadlines.clientDone.id,
    supersededDeadlineId: deadlines.clientSuperseded.id, deletedCaseId: aminaDeleted.id, deletedCaseReference: aminaDeleted.reference,
    notRequestedItemId: notRequestedItem.id, closedItemId: closedItem.id, memoDocumentId: advisorMemo.documentId, memoVersionId: advisorMemo.versionId,
    notRequestedDocumentId: advisorOnNotRequested.documentId, notRequestedVersionId: advisorOnNotRequested.versionId, internalReviewEvent: internalReview.id,
    internalApprovalEvent: internalApproval.id, unaskedApprovedItemId: unaskedApprovedItem.id, unaskedApprovedVersionId: advisorOnUnaskedApproved.versionId,
  };

  return {
    a, b, amina, youssef, bram, secret, foreign, internalIds, spouseLink, deadlines, rejectionReason, aminaBytes,
    cases: { aminaCase, aminaClosed, aminaDeleted, youssefCase, bramCase },
    notes: { internalNote, clientNote },
    events: { internalTask, internalFacts, transition, awaitDecision, internalReview, internalApproval },
    items: { passportItem, accommodationItem, notRequestedItem, unaskedApprovedItem, closedItem, youssefItem, bramItem },
    versions: { aminaUpload, advisorOnRequested, advisorOnNotRequested, advisorOnUnaskedApproved, advisorMemo, youssefUpload, youssefMemo, bramUpload },
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

/** Everything that must never appear in anything Amina's portal operations return. */
const neverShown = () => ({ ...w.secret, ...w.foreign, ...w.internalIds });

// ---------- the world holds what must not leak ----------

describe('the world', () => {
  it("holds every secret where staff see it, so a clean portal result is not an empty world's", async () => {
    const staffView = await getCase({ actor: w.a.advisor.actor, caseId: w.cases.aminaCase.id });
    expect(leaked(staffView, w.secret)).toEqual(expect.arrayContaining(['dvzColumn', 'dvzInFacts', 'communeReference', 'internalNote', 'transitionNote', 'taskTitle', 'advisorDeadlineBasis', 'internalReviewReason']));
    expect(leaked(await getClient({ actor: w.a.advisor.actor, clientId: w.amina.client.id }), w.secret)).toEqual(expect.arrayContaining(['nationalRegisterNumber', 'passportNumber']));
    const documents = await listCaseDocuments({ actor: w.a.advisor.actor, caseId: w.cases.aminaCase.id });
    expect(leaked(documents, w.secret)).toEqual(expect.arrayContaining(['memoFileName', 'itemFileName']));
    const memo = await openDocumentVersion({ actor: w.a.advisor.actor, versionId: w.versions.advisorMemo.versionId, context: newContext(), storage });
    await bytesOf(memo.body);
    const staffAudit = await listAuditLog({ actor: w.a.admin.actor, filters: { entity: 'note' } });
    expect(staffAudit.items.length).toBeGreaterThan(0);
  });

  it('keeps the review of a paper never asked of the client internal: no client event, no email with its reason', async () => {
    expect(w.events.internalReview.visibility).toBe('INTERNAL');
    expect(w.events.internalApproval.visibility).toBe('INTERNAL');
    const mail = await emailsTo(w.amina.client.email!);
    expect(mail.filter((m) => m.template === 'document-rejected').every((m) => !m.text.includes(w.secret.internalReviewReason))).toBe(true);
    expect(mail.some((m) => m.text.includes(w.secret.internalReviewReason) || m.html.includes(w.secret.internalReviewReason))).toBe(false);
  });
});

// ---------- the overview ----------

describe('getPortalOverview', () => {
  it('gives Amina her own cases and the open deadlines that are hers to meet, and no internal field at all', async () => {
    const overview = await getPortalOverview({ actor: w.amina.actor });

    expect(overview.cases.map((c) => c.id).sort()).toEqual([w.cases.aminaCase.id, w.cases.aminaClosed.id].sort());
    const deadlineIds = overview.cases.flatMap((c) => c.deadlines.map((d) => d.id)).sort();
    expect(deadlineIds).toEqual([w.deadlines.clientRegistration.id, w.deadlines.clientOnClosed.id].sort());
    expect(overview.links).toEqual([]);

    // The exact shape: a new field here is a decision, not an accident.
    expect(sortedKeys(overview)).toEqual(['cases', 'firm', 'firstName', 'language', 'lastName', 'links']);
    expect(sortedKeys(overview.firm)).toEqual(['name']);
    for (const kase of overview.cases) {
      expect(sortedKeys(kase)).toEqual(['assignedTo', 'cardNumber', 'cardType', 'cardValidFrom', 'cardValidUntil', 'closedAt', 'deadlines', 'id', 'procedure', 'reference', 'stage']);
      expect(sortedKeys(kase.assignedTo)).toEqual(['email', 'name']);
      for (const d of kase.deadlines) expect(sortedKeys(d)).toEqual(['basis', 'dueOn', 'id', 'kind', 'opensOn']);
    }
    expectNoKeys(overview, [...INTERNAL_KEYS, ...NOT_IN_OVERVIEW]);
    expect(leaked(overview, neverShown())).toEqual([]);
    expect(JSON.stringify(overview)).not.toContain('Youssef');
  });

  it('shows Youssef only once the advisor marks the link visible: his name and relation, none of his cases, deadlines or documents', async () => {
    // His own link to her being visible shows her in his portal, not him in hers.
    const his = await getPortalOverview({ actor: w.youssef.actor });
    expect(his.links).toEqual([{ relation: 'SPOUSE', related: { firstName: w.amina.client.firstName, lastName: w.amina.client.lastName } }]);
    expect(his.cases.map((c) => c.id)).toEqual([w.cases.youssefCase.id]);

    await db.familyLink.update({ where: { id: w.spouseLink.id }, data: { visibleInPortal: true } });
    try {
      const overview = await getPortalOverview({ actor: w.amina.actor });
      expect(overview.links).toEqual([{ relation: 'SPOUSE', related: { firstName: 'Youssef', lastName: w.youssef.client.lastName } }]);
      expect(sortedKeys(overview.links[0]?.related)).toEqual(['firstName', 'lastName']);
      expect(overview.cases.map((c) => c.id).sort()).toEqual([w.cases.aminaCase.id, w.cases.aminaClosed.id].sort());
      expectNoKeys(overview, [...INTERNAL_KEYS, ...NOT_IN_OVERVIEW]);
      expect(leaked(overview, neverShown())).toEqual([]);

      // Soft-deleting him hides him again, visible or not.
      await db.client.update({ where: { id: w.youssef.client.id }, data: { deletedAt: new Date() } });
      expect((await getPortalOverview({ actor: w.amina.actor })).links).toEqual([]);
    } finally {
      await db.client.update({ where: { id: w.youssef.client.id }, data: { deletedAt: null } });
      await db.familyLink.update({ where: { id: w.spouseLink.id }, data: { visibleInPortal: false } });
    }
  });

  it("answers NOT_FOUND to a portal actor carrying another client's id across firms", async () => {
    await expectAppError(getPortalOverview({ actor: { ...w.bram.actor, clientId: w.amina.client.id } }), 'NOT_FOUND');
    await expectAppError(getPortalOverview({ actor: { ...w.amina.actor, clientId: w.bram.client.id } }), 'NOT_FOUND');
  });
});

// ---------- one case ----------

describe('getPortalCase', () => {
  it("does not find her spouse's case, another firm's case, a made-up id or her own deleted case", async () => {
    for (const caseId of [w.cases.youssefCase.id, w.cases.bramCase.id, `missing-${unique()}`, w.cases.aminaDeleted.id]) {
      await expectAppError(getPortalCase({ actor: w.amina.actor, caseId }), 'NOT_FOUND');
    }
    // And the other way round: Youssef and Bram do not find hers.
    await expectAppError(getPortalCase({ actor: w.youssef.actor, caseId: w.cases.aminaCase.id }), 'NOT_FOUND');
    await expectAppError(getPortalCase({ actor: w.bram.actor, caseId: w.cases.aminaCase.id }), 'NOT_FOUND');
    await expectAppError(getPortalCase({ actor: { ...w.bram.actor, clientId: w.amina.client.id }, caseId: w.cases.aminaCase.id }), 'NOT_FOUND');
  });

  it('gives her own case with only client-visible events, no payload, no advisor note except a rejection reason, and only notes for her', async () => {
    const kase = await getPortalCase({ actor: w.amina.actor, caseId: w.cases.aminaCase.id });

    // Reviews of papers never asked of her are internal work, stored INTERNAL (and dropped by getPortalCase besides).
    const reviewsOfUnasked = [w.events.internalReview.id, w.events.internalApproval.id];
    const stored = await db.caseEvent.findMany({ where: { caseId: w.cases.aminaCase.id, visibility: 'CLIENT' }, select: { id: true } });
    const visible = stored.map((e) => e.id).filter((id) => !reviewsOfUnasked.includes(id));
    const internal = await db.caseEvent.findMany({ where: { caseId: w.cases.aminaCase.id, visibility: 'INTERNAL' }, select: { id: true } });
    // The world holds internal events of every kind: task, facts, the internal note's, the advisor's unrequested files.
    expect(internal.length).toBeGreaterThanOrEqual(6);
    expect(kase.events.map((e) => e.id).sort()).toEqual(visible.sort());
    for (const id of [...internal.map((e) => e.id), ...reviewsOfUnasked]) expect(kase.events.map((e) => e.id)).not.toContain(id);
    // Reviews of what she was asked are there: the rejection of her passport scan with its reason, the approval of the rental contract.
    expect(kase.events.filter((e) => e.action === 'approved')).toHaveLength(1);

    expect(sortedKeys(kase)).toEqual(['assignedTo', 'closedAt', 'events', 'id', 'notes', 'procedure', 'reference', 'stage']);
    expect(sortedKeys(kase.assignedTo)).toEqual(['name']);
    for (const event of kase.events) {
      expect(sortedKeys(event)).toEqual(['action', 'id', 'note', 'occurredAt', 'occurredOn', 'toStage', 'transition', 'type']);
      if (event.action === 'rejected') expect(event.note).toBe(w.rejectionReason);
      else expect(event.note).toBeNull();
    }
    expect(kase.events.filter((e) => e.action === 'rejected')).toHaveLength(1);
    // The transitions are there (what happened, and the stage reached), not what the advisor wrote about them.
    expect(kase.events.find((e) => e.id === w.events.transition.id)).toMatchObject({ type: 'TRANSITION', transition: 'FILE_APPLICATION', toStage: 'APPLICATION_FILED', note: null, action: null });

    expect(kase.notes.map((n) => n.id)).toEqual([w.notes.clientNote.id]);
    for (const note of kase.notes) expect(sortedKeys(note)).toEqual(['author', 'body', 'createdAt', 'fromClient', 'id']);
    expect(JSON.stringify(kase)).not.toContain(w.secret.internalNote);

    expectNoKeys(kase, INTERNAL_KEYS);
    expect(leaked(kase, neverShown())).toEqual([]);
  });

  it('still shows a closed case of hers, read-only, with nothing internal', async () => {
    const kase = await getPortalCase({ actor: w.amina.actor, caseId: w.cases.aminaClosed.id });
    expect(kase.closedAt).toBeInstanceOf(Date);
    expectNoKeys(kase, INTERNAL_KEYS);
    expect(leaked(kase, neverShown())).toEqual([]);
  });
});

// ---------- messages ----------

describe('sendPortalMessage', () => {
  const send = (actor: ClientActor, caseId: string, body = `Hello ${unique()}`) => sendPortalMessage({ actor, input: { caseId, body }, context: newContext() });

  it("writes nothing for her spouse's case, another firm's case, a made-up id, her deleted case or her closed case", async () => {
    const before = await writeRows();
    for (const caseId of [w.cases.youssefCase.id, w.cases.bramCase.id, `missing-${unique()}`, w.cases.aminaDeleted.id, w.cases.aminaClosed.id]) {
      await expectAppError(send(w.amina.actor, caseId), 'NOT_FOUND');
    }
    // A forged actor of firm B carrying her client id gets nowhere either.
    await expectAppError(send({ ...w.bram.actor, clientId: w.amina.client.id }, w.cases.aminaCase.id), 'NOT_FOUND');
    expect(await writeRows()).toEqual(before);
  });

  it('refuses a blank message with a field error on body, and writes nothing', async () => {
    const before = await writeRows();
    const error = await expectAppError(send(w.amina.actor, w.cases.aminaCase.id, '   \n  '), 'VALIDATION');
    expect((error as { details?: { fieldErrors?: Record<string, string[]> } }).details?.fieldErrors?.body).toEqual(['messageRequired']);
    expect(await writeRows()).toEqual(before);
  });

  it('lands a message on her case as a client note, a MESSAGE event, an email to the advisor and a CLIENT audit row', async () => {
    const body = `I have the new payslips, when can I bring them? ${unique()}`;
    const result = await send(w.amina.actor, w.cases.aminaCase.id, body);
    expect(sortedKeys(result)).toEqual(['id']);

    const note = await db.note.findUniqueOrThrow({ where: { id: result.id } });
    expect(note).toMatchObject({ firmId: w.a.firm.id, clientId: w.amina.client.id, caseId: w.cases.aminaCase.id, authorId: w.amina.portalUser.id, body, visibility: 'CLIENT', fromClient: true, deletedAt: null });

    const events = await db.caseEvent.findMany({ where: { caseId: w.cases.aminaCase.id, type: 'MESSAGE' } });
    expect(events).toEqual([expect.objectContaining({ visibility: 'CLIENT', actorId: w.amina.portalUser.id, payload: { noteId: note.id } })]);

    const mail = (await emailsTo(w.a.advisor.email)).filter((m) => m.template === 'client-message');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ key: `client-message:${note.id}`, firmId: w.a.firm.id, toEmail: w.a.advisor.email, responsibleUserId: w.a.advisor.user.id });
    expect(mail[0]?.text).toContain(body);

    const audit = await db.auditLog.findMany({ where: { action: 'note.created', entityId: note.id } });
    expect(audit).toEqual([expect.objectContaining({ firmId: w.a.firm.id, actorKind: 'CLIENT', actorUserId: w.amina.portalUser.id, entity: 'note' })]);

    // She sees her message in the thread; its timeline event carries no payload or note.
    const kase = await getPortalCase({ actor: w.amina.actor, caseId: w.cases.aminaCase.id });
    expect(kase.notes.find((n) => n.id === note.id)).toMatchObject({ body, fromClient: true });
    expect(kase.events.find((e) => e.id === events[0]?.id)).toMatchObject({ type: 'MESSAGE', note: null, action: null });
    expect(leaked(kase, neverShown())).toEqual([]);
  });
});

// ---------- document requests and files ----------

describe('listPortalDocumentRequests', () => {
  it('lists only what was asked of her on her open cases, never her spouse’s or another firm’s items', async () => {
    const requests = await listPortalDocumentRequests({ actor: w.amina.actor });
    expect(requests.map((r) => r.id).sort()).toEqual([w.items.passportItem.id, w.items.accommodationItem.id].sort());
    for (const r of requests) {
      expect(r.caseId).toBe(w.cases.aminaCase.id);
      expect(r.requestedAt).toBeInstanceOf(Date);
    }
    expect(requests.find((r) => r.id === w.items.passportItem.id)).toMatchObject({ status: 'REJECTED', rejectionReason: w.rejectionReason, lastUpload: { id: w.versions.aminaUpload.versionId } });
    // The advisor's file on a requested item is not "her last upload".
    expect(requests.find((r) => r.id === w.items.accommodationItem.id)?.lastUpload).toBeNull();
    for (const r of requests) expect(sortedKeys(r.lastUpload)).toEqual(r.lastUpload ? ['fileName', 'id', 'uploadedAt'] : []);
    expectNoKeys(requests, [...INTERNAL_KEYS, 'document', 'documentId', 'reviewedById']);
    expect(leaked(requests, neverShown())).toEqual([]);

    const his = await listPortalDocumentRequests({ actor: w.youssef.actor });
    expect(his.map((r) => r.id)).toEqual([w.items.youssefItem.id]);
    const bram = await listPortalDocumentRequests({ actor: w.bram.actor });
    expect(bram.map((r) => r.id)).toEqual([w.items.bramItem.id]);
    // A forged actor of firm B with her client id finds nothing in firm A.
    expect(await listPortalDocumentRequests({ actor: { ...w.bram.actor, clientId: w.amina.client.id } })).toEqual([]);
  });
});

describe('openDocumentVersion as a client', () => {
  const open = (actor: ClientActor, versionId: string) => openDocumentVersion({ actor, versionId, context: newContext(), storage });

  it("does not find her spouse's files, another firm's, or what the advisor filed on her case without asking her, and records no download", async () => {
    const before = await db.auditLog.count();
    const refused = {
      youssefUpload: w.versions.youssefUpload.versionId,
      youssefMemo: w.versions.youssefMemo.versionId,
      bramUpload: w.versions.bramUpload.versionId,
      advisorMemo: w.versions.advisorMemo.versionId,
      advisorOnNotRequestedItem: w.versions.advisorOnNotRequested.versionId,
      advisorOnUnaskedApprovedItem: w.versions.advisorOnUnaskedApproved.versionId,
      missing: `missing-${unique()}`,
    };
    for (const versionId of Object.values(refused)) await expectAppError(open(w.amina.actor, versionId), 'NOT_FOUND');
    // Nor does a forged firm-B actor carrying her client id open her own upload.
    await expectAppError(open({ ...w.bram.actor, clientId: w.amina.client.id }, w.versions.aminaUpload.versionId), 'NOT_FOUND');
    // And her spouse does not open hers.
    await expectAppError(open(w.youssef.actor, w.versions.aminaUpload.versionId), 'NOT_FOUND');
    expect(await db.auditLog.count()).toBe(before);
  });

  it('opens her own upload, and the file that answers what she was asked, each download recorded as hers', async () => {
    const mine = await open(w.amina.actor, w.versions.aminaUpload.versionId);
    expect(await bytesOf(mine.body)).toEqual(Buffer.from(w.aminaBytes));
    expect(mine.fileName).toBe(w.versions.aminaUpload.fileName);

    const answered = await open(w.amina.actor, w.versions.advisorOnRequested.versionId);
    await bytesOf(answered.body);

    const downloads = await db.auditLog.findMany({ where: { action: 'document.downloaded', actorUserId: w.amina.portalUser.id }, orderBy: { id: 'asc' } });
    expect(downloads.map((row) => [row.actorKind, row.entityId])).toEqual([
      ['CLIENT', w.versions.aminaUpload.documentId],
      ['CLIENT', w.versions.advisorOnRequested.documentId],
    ]);
  });
});

describe('uploadDocument as a client', () => {
  const upload = (input: Record<string, unknown>) =>
    uploadDocument({ actor: w.amina.actor, input, file: { name: 'extra.pdf', body: pdf() }, context: newContext(), storage });

  it('takes files only against items asked of her on her own open cases', async () => {
    const before = await writeRows();
    await expectAppError(upload({ caseId: w.cases.aminaCase.id, checklistItemId: w.items.notRequestedItem.id }), 'NOT_FOUND');
    await expectAppError(upload({ caseId: w.cases.aminaCase.id, kind: 'OTHER' }), 'NOT_FOUND');
    await expectAppError(upload({ caseId: w.cases.aminaCase.id, checklistItemId: w.items.youssefItem.id }), 'NOT_FOUND');
    await expectAppError(upload({ caseId: w.cases.youssefCase.id, checklistItemId: w.items.youssefItem.id }), 'NOT_FOUND');
    await expectAppError(upload({ caseId: w.cases.bramCase.id, checklistItemId: w.items.bramItem.id }), 'NOT_FOUND');
    await expectAppError(upload({ caseId: w.cases.aminaClosed.id, checklistItemId: w.items.closedItem.id }), 'NOT_FOUND');
    // A new version of the advisor's memo, by its document id: staff only.
    await expectAppError(upload({ caseId: w.cases.aminaCase.id, documentId: w.versions.advisorMemo.documentId }), 'NOT_FOUND');
    expect(await writeRows()).toEqual(before);
  });
});

// ---------- audit data and staff operations ----------

describe('audit data', () => {
  it('comes back from no portal operation', async () => {
    const results = [
      await getPortalOverview({ actor: w.amina.actor }),
      await getPortalCase({ actor: w.amina.actor, caseId: w.cases.aminaCase.id }),
      await listPortalDocumentRequests({ actor: w.amina.actor }),
      await sendPortalMessage({ actor: w.amina.actor, input: { caseId: w.cases.aminaCase.id, body: 'One more question.' }, context: newContext() }),
    ];
    for (const result of results) expectNoKeys(result, ['auditLog', 'auditLogs', 'diff', 'actorKind', 'actorUserId', 'ip', 'userAgent', 'before', 'after']);
  });

  it('and a client actor calling staff operations is FORBIDDEN, even on her own case, and nothing is written', async () => {
    const actor = asStaff(w.amina.actor);
    const { aminaCase } = w.cases;
    const before = await writeRows();
    await expectAppError(listAuditLog({ actor }), 'FORBIDDEN');
    await expectAppError(listAuditLog({ actor, filters: { entity: 'note' } }), 'FORBIDDEN');
    await expectAppError(getCase({ actor, caseId: aminaCase.id }), 'FORBIDDEN');
    await expectAppError(listCaseDocuments({ actor, caseId: aminaCase.id }), 'FORBIDDEN');
    await expectAppError(zipCaseDocuments({ actor, caseId: aminaCase.id, context: newContext(), storage }), 'FORBIDDEN');
    await expectAppError(getClient({ actor, clientId: w.amina.client.id }), 'FORBIDDEN');
    await expectAppError(getClient({ actor, clientId: w.youssef.client.id }), 'FORBIDDEN');
    await expectAppError(listCases({ actor, query: {} }), 'FORBIDDEN');
    await expectAppError(listRecentActivity({ actor }), 'FORBIDDEN');
    await expectAppError(listCaseTasks({ actor, input: { caseId: aminaCase.id } }), 'FORBIDDEN');
    await expectAppError(addNote({ actor, input: { caseId: aminaCase.id, body: 'internal, from a client', visibility: 'INTERNAL' }, context: newContext() }), 'FORBIDDEN');
    await expectAppError(requestChecklistItems({ actor, input: { caseId: aminaCase.id, itemIds: [w.items.notRequestedItem.id] }, context: newContext() }), 'FORBIDDEN');
    expect(await writeRows()).toEqual(before);
  });
});
