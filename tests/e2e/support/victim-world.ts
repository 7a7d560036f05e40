import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { writeTextDecisionPdf } from '../../support/decision-letters';
import type { Targets } from './attack-payloads';
import type { DiscoveredAction } from './attack-surface';
import { withDatabase } from './e2e-world';
import { seedInquiry } from './inquiries';
import { firstLink, waitForEmail } from './mailbox';
import { actionRunner, form } from './server-action';
import { signInStaff } from './sign-in';

// The victim firm's objects for the attacker's walk, made by its own admin over the same HTTP calls the walk
// attacks (so the payloads are known to work for the owner), each holding the marker the attacker must never see;
// then their ids, read from Postgres.

export type VictimWorld = { targets: Targets; marker: string; portalClient: Page; firmAdmin: Page };

const newPerson = async (browser: Browser) => (await browser.newContext({ locale: 'en-US' })).newPage();

export async function buildVictimWorld(browser: Browser, actions: DiscoveredAction[], baseURL: string): Promise<VictimWorld> {
  const marker = `Zmarker${Date.now().toString(36)}`;
  const admin = await newPerson(browser);
  await signInStaff(admin, 'admin@peeters.example');
  const origin = { Origin: new URL(baseURL).origin };
  const run = actionRunner(admin.request, actions, baseURL);

  const created = async (lastName: string, email: string) => {
    const call = await run('app/(app)/clients/new/actions.ts#createClientAction', '/clients/new', [null, form({ firstName: 'Mara', lastName, nationality: 'MA', language: 'en', email })]);
    expect(call.redirect, call.body.slice(0, 300)).toMatch(/^\/clients\//);
    const clientId = call.redirect!.split('/').pop()!;
    const opened = await run('app/(app)/cases/new/actions.ts#createCaseAction', '/cases/new', [null, form({ clientId, procedure: 'REGISTRATION_NON_EU' })]);
    expect(opened.redirect, opened.body.slice(0, 300)).toMatch(/^\/cases\//);
    return { clientId, caseId: opened.redirect!.split('/').pop()! };
  };
  const victim = await created(marker, `${marker.toLowerCase()}@client.example`);
  const portalEmail = `portal-${marker.toLowerCase()}@client.example`;
  const own = await created('Walker', portalEmail);

  const casePage = `/cases/${victim.caseId}`;
  for (const [key, fields] of [
    ['app/(app)/cases/[id]/case-actions.ts#addNoteAction', { caseId: victim.caseId, body: `Internal note about ${marker}` }],
    ['app/(app)/cases/[id]/task-actions.ts#createTaskAction', { caseId: victim.caseId, title: `Call ${marker}`, dueOn: '2027-06-30' }],
    ['app/(app)/cases/[id]/document-actions.ts#applyDefaultChecklistAction', { caseId: victim.caseId }],
    ['app/(app)/cases/[id]/other-party-actions.ts#addOtherPartyAction', { caseId: victim.caseId, name: `Sponsor ${marker}`, role: 'SPONSOR' }],
  ] as const) {
    const call = await run(key, casePage, [null, form(fields)]);
    expect(call.ok, `${key}: ${call.body.slice(0, 400)}`).toBe(true);
  }
  // Time and fees on the case, one fee billed on an issued note (after the firm's billing details), the rest not.
  const billing = await run('app/(app)/settings/firm/actions.ts#setBillingDetailsAction', '/settings/firm', [null, form({
    legalName: 'Peeters Advocaten BV', street: 'Louizalaan 100', postalCode: '1050', city: 'Brussel', country: 'BE', enterpriseNumber: '0403.170.701', vatNumber: 'BE0403170701', iban: 'BE68539007547034', bic: 'GKCCBEBB', email: 'billing@peeters.example',
  })]);
  expect(billing.ok, billing.body.slice(0, 400)).toBe(true);
  for (const [key, fields] of [
    ['app/(app)/cases/[id]/fee-note-actions.ts#addFeeItemAction', { caseId: victim.caseId, performedOn: '2026-12-01', description: `Filing for ${marker}`, unit: '500' }],
    ['app/(app)/cases/[id]/fee-note-actions.ts#addTimeEntryAction', { caseId: victim.caseId, workedOn: '2026-12-01', minutes: '30', description: `Call with ${marker}`, rate: '120' }],
  ] as const) {
    const call = await run(key, casePage, [null, form(fields)]);
    expect(call.ok, `${key}: ${call.body.slice(0, 400)}`).toBe(true);
  }
  const billedFee = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "FeeItem" WHERE "caseId" = $1`, [victim.caseId])).rows[0]!.id);
  const issuedNote = await run('app/(app)/cases/[id]/fee-note-actions.ts#issueFeeNoteAction', casePage, [null, form({ caseId: victim.caseId, feeItemIds: billedFee, timeEntryIds: [], buyerKind: 'COMPANY', buyerName: `Employer of ${marker}`, buyerStreet: 'Keizersgracht 1', buyerPostalCode: '1015', buyerCity: 'Amsterdam', buyerCountry: 'NL', buyerVatNumber: 'NL123456789B01', issuedOn: '2026-12-07' })]);
  expect(issuedNote.ok, issuedNote.body.slice(0, 400)).toBe(true);
  const unbilledFee = await run('app/(app)/cases/[id]/fee-note-actions.ts#addFeeItemAction', casePage, [null, form({ caseId: victim.caseId, performedOn: '2026-12-02', description: `Second filing for ${marker}`, unit: '300' })]);
  expect(unbilledFee.ok, unbilledFee.body.slice(0, 400)).toBe(true);
  const invited = await run('app/(app)/settings/members/actions.ts#inviteAction', '/settings/members', [null, form({ email: `${marker.toLowerCase()}@peeters.example`, role: 'ASSISTANT' })]);
  expect(invited.ok, invited.body.slice(0, 400)).toBe(true);
  const portal = await run('app/(app)/clients/[id]/actions.ts#invitePortalAction', `/clients/${own.clientId}`, [null, form({ clientId: own.clientId })]);
  expect(portal.ok, portal.body.slice(0, 400)).toBe(true);

  const itemId = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "ChecklistItem" WHERE "caseId" = $1 ORDER BY id LIMIT 1`, [victim.caseId])).rows[0]!.id);
  const upload = await admin.request.post(`/api/documents/upload?caseId=${victim.caseId}&checklistItemId=${itemId}`, {
    headers: { ...origin, 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent(`${marker}-passport.pdf`) },
    data: Buffer.from(`%PDF-1.4\n% ${marker}\n`),
  });
  expect(upload.status(), await upload.text()).toBeLessThan(300);
  // A decision letter read into a proposal (an intake) waiting for the lawyer's confirmation.
  const letter = path.join(await mkdtemp(path.join(tmpdir(), 'sejour-walk-')), 'bijlage-20.pdf');
  await writeTextDecisionPdf(letter, 'nl', { decisionDate: '2026-11-20', notifiedOn: '2026-11-25', dvzFileNumber: '7654321', clientName: `Mara ${marker}` });
  const decision = await admin.request.post(`/api/decisions/upload?caseId=${victim.caseId}`, {
    headers: { ...origin, 'Content-Type': 'application/pdf', 'X-File-Name': 'bijlage-20.pdf' },
    data: await readFile(letter),
  });
  expect(decision.status(), await decision.text()).toBeLessThan(300);
  const imported = await admin.request.post('/import/upload', {
    headers: origin,
    multipart: { file: { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(`First name;Last name\nIra;${marker}\n`) } },
    maxRedirects: 0,
  });
  expect(imported.headers().location, await imported.text()).toMatch(/\/import\/\w+/);

  // An inquiry from the firm's public page, with its letter, the conflict check run on it.
  const inquiry = await seedInquiry('peeters-advocaten', {
    firstName: 'Ines', lastName: marker, email: `inquiry-${marker.toLowerCase()}@people.example`, topic: 'REFUSAL', question: `About ${marker}`,
    refusalNotifiedOn: '2026-11-20', letter: { fileName: `${marker}-letter.pdf`, bytes: Buffer.from(`%PDF-1.4\n% ${marker}\n`) },
  });
  const checked = await run('app/(app)/inquiries/[id]/actions.ts#checkConflictsAction', `/inquiries/${inquiry.id}`, [null, form({ inquiryId: inquiry.id })]);
  expect(checked.ok, checked.body.slice(0, 400)).toBe(true);

  // The portal client: another client of the victim firm, signed in from the invitation email.
  const portalClient = await newPerson(browser);
  const invitation = await waitForEmail(portalEmail, /invited you to your client portal/);
  await portalClient.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await portalClient.getByRole('button', { name: 'Sign in' }).click();
  await expect(portalClient).toHaveURL(/\/portal$/);

  // A consultation time of the victim firm, published by its admin for themselves through the page's action.
  const adminId = await withDatabase(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@peeters.example'`)).rows[0]!.id);
  const published = await run('app/(app)/consultations/actions.ts#publishSlotAction', '/consultations', [null, form({ advisorId: adminId, startsAt: '2031-06-30T10:00', durationMinutes: '30', price: '0', mode: 'PHONE' })]);
  expect(published.ok, published.body.slice(0, 400)).toBe(true);
  // The victim case is pro deo: a designation on the admin and one service, so its closing report exists.
  for (const [key, fields] of [
    ['app/(app)/cases/[id]/legal-aid-actions.ts#setLegalAidDesignationAction', { caseId: victim.caseId, designatedOn: '2026-11-02', designationNumber: `BJB-${marker}`, bar: 'Brussel (NL)', lawyerId: adminId, clientContributionCents: '0' }],
    ['app/(app)/cases/[id]/legal-aid-actions.ts#addLegalAidEntryAction', { caseId: victim.caseId, performedOn: '2026-11-03', itemCode: 'OPENING', quantity: '1' }],
  ] as const) {
    const call = await run(key, casePage, [null, form(fields)]);
    expect(call.ok, `${key}: ${call.body.slice(0, 400)}`).toBe(true);
  }

  const targets = await withDatabase(async (db) => {
    const one = async (sql: string, params: unknown[]) => {
      const { rows } = await db.query<{ id: string }>(sql, params);
      if (!rows[0]) throw new Error(`nothing for ${sql}`);
      return String(rows[0].id);
    };
    const firmId = await one(`SELECT "firmId" AS id FROM "Client" WHERE id = $1`, [victim.clientId]);
    return {
      firmId,
      clientId: victim.clientId,
      fileNumber: await one(`SELECT "fileNumber" AS id FROM "Client" WHERE id = $1`, [victim.clientId]),
      caseId: victim.caseId,
      caseVersion: await one(`SELECT version AS id FROM "Case" WHERE id = $1`, [victim.caseId]),
      noteId: await one(`SELECT id FROM "Note" WHERE "caseId" = $1`, [victim.caseId]),
      taskId: await one(`SELECT id FROM "Task" WHERE "caseId" = $1`, [victim.caseId]),
      itemId,
      documentId: await one(`SELECT id FROM "Document" WHERE "clientId" = $1`, [victim.clientId]),
      versionId: await one(`SELECT v.id FROM "DocumentVersion" v JOIN "Document" d ON d.id = v."documentId" WHERE d."clientId" = $1`, [victim.clientId]),
      intakeId: await one(`SELECT id FROM "DecisionIntake" WHERE "caseId" = $1`, [victim.caseId]),
      deadlineId: await one(`SELECT id FROM "Deadline" WHERE "firmId" = $1 ORDER BY id LIMIT 1`, [firmId]),
      membershipId: await one(`SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'advisor1@peeters.example'`, []),
      sessionId: await one(`SELECT s.id FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'admin@peeters.example' ORDER BY s."createdAt" DESC LIMIT 1`, []),
      invitationId: await one(`SELECT id FROM "Invitation" WHERE "firmId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [firmId]),
      jobId: await one(`SELECT id FROM "ImportJob" WHERE "firmId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [firmId]),
      familyLinkId: await one(`SELECT id FROM "FamilyLink" WHERE "firmId" = $1 LIMIT 1`, [firmId]),
      relatedClientId: await one(`SELECT "relatedClientId" AS id FROM "FamilyLink" WHERE "firmId" = $1 LIMIT 1`, [firmId]),
      outboxId: await one(`SELECT id FROM "EmailOutbox" WHERE "firmId" = $1 ORDER BY "createdAt" LIMIT 1`, [firmId]),
      otherClientCaseId: victim.caseId,
      slotId: await one(`SELECT id FROM "ConsultationSlot" WHERE "firmId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [firmId]),
      inquiryId: inquiry.id,
      otherPartyId: await one(`SELECT id FROM "OtherParty" WHERE "caseId" = $1`, [victim.caseId]),
      legalAidEntryId: await one(`SELECT id FROM "LegalAidEntry" WHERE "caseId" = $1`, [victim.caseId]),
      serviceId: await one(`SELECT id FROM "Service" WHERE "firmId" = $1 AND "archivedAt" IS NULL ORDER BY position, "createdAt" LIMIT 1`, [firmId]),
      timeEntryId: await one(`SELECT id FROM "TimeEntry" WHERE "caseId" = $1 AND "feeNoteId" IS NULL`, [victim.caseId]),
      feeItemId: await one(`SELECT id FROM "FeeItem" WHERE "caseId" = $1 AND "feeNoteId" IS NULL`, [victim.caseId]),
      feeNoteId: await one(`SELECT id FROM "FeeNote" WHERE "caseId" = $1`, [victim.caseId]),
    } satisfies Targets;
  });
  return { targets, marker, portalClient, firmAdmin: admin };
}
