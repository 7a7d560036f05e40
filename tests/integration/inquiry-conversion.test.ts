import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { pdf, sha256 } from './support/document-files';
import { createFirmWithStaff, expectAppError, firmSnapshot, newContext, unique, writeCounts, type FirmWithStaff } from './support/fixtures';
import { nationalRegisterNumber } from './support/identity-numbers';
import { setupTestDatabase } from './support/test-database';

// Converting an inquiry into a client (and a case): only after a conflict check that still holds, past a possible
// conflict only by an admin with a reason, with the client form's duplicate detection, in one transaction.

const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-convert-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { closeRateLimits } = await import('@/lib/auth/rate-limit');
const { createClient } = await import('@/lib/server/client/create-client');
const { openIdentityNumbers } = await import('@/lib/server/client/identity-numbers');
const { createCase } = await import('@/lib/server/case/create-case');
const { addOtherParty } = await import('@/lib/server/other-party/add-other-party');
const { checkInquiryConflicts } = await import('@/lib/server/inquiry/check-inquiry-conflicts');
const { convertInquiry } = await import('@/lib/server/inquiry/convert-inquiry');
const { createInquiry } = await import('./support/inquiry-world');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(async () => {
  await closeRateLimits();
  await rm(dataDir, { recursive: true, force: true });
});

const TODAY = '2026-11-23';
const check = (w: FirmWithStaff, inquiryId: string) => checkInquiryConflicts({ actor: w.advisor.actor, input: { inquiryId }, context: newContext() });
const convert = (actor: FirmWithStaff['admin']['actor'], input: Record<string, string>) => convertInquiry({ actor, input: { nationality: 'MA', language: 'en', ...input }, context: newContext(), storage, today: TODAY });
const storedKeys = async () => {
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  return keys.sort();
};
const unchanged = async (firmId: string) => ({ firm: await firmSnapshot(firmId), counts: await writeCounts(), keys: await storedKeys(), inquiries: await db.inquiry.findMany({ where: { firmId }, orderBy: { id: 'asc' } }) });

describe('converting an inquiry', () => {
  it('creates the client with what the person gave and, for a refusal, the case with its appeal deadline and the letter', async () => {
    const w = await createFirmWithStaff('Convert refusal');
    const nrn = nationalRegisterNumber();
    const bytes = pdf();
    const inquiry = await createInquiry(w.firm, {
      firstName: 'Amal', lastName: `Haddad${unique()}`, email: `amal-${unique()}@people.example.test`, birthDate: '1991-03-14', nationalRegisterNumber: nrn,
      language: 'de', topic: 'REFUSAL', refusalNotifiedOn: '2026-11-10', residenceCommune: 'Molenbeek',
      letter: { storage, fileName: 'Bijlage 20.pdf', mimeType: 'application/pdf', bytes },
    });
    // Not before a conflict check: refused, and nothing written.
    const before = await unchanged(w.firm.id);
    expect((await expectAppError(convert(w.advisor.actor, { inquiryId: inquiry.id, createCase: 'on' }), 'CONFLICT')).userMessage).toBe('inquiries.convert.notChecked');
    expect(await unchanged(w.firm.id)).toEqual(before);

    expect((await check(w, inquiry.id)).outcome).toBe('CLEAR');
    // The form's language choice starts from the person's: German is not one of the app's, so English.
    const result = await convert(w.advisor.actor, { inquiryId: inquiry.id, createCase: 'on', language: 'en' });
    const client = await db.client.findUniqueOrThrow({ where: { id: result.clientId } });
    expect(client).toMatchObject({ firmId: w.firm.id, firstName: 'Amal', lastName: inquiry.lastName, email: inquiry.email, nationality: 'MA', citizenship: 'NON_EU', language: 'en', commune: 'Molenbeek', birthDate: new Date('1991-03-14T00:00:00Z') });
    expect(openIdentityNumbers(client).nationalRegisterNumber).toBe(nrn);
    expect(client.nationalRegisterNumberHash).toBe(inquiry.nationalRegisterNumberHash);

    const kase = await db.case.findUniqueOrThrow({ where: { id: result.caseId! }, include: { deadlines: true, documents: true } });
    expect(kase).toMatchObject({ clientId: client.id, procedure: 'APPEAL_RVV', stage: 'REFUSED', assignedToId: w.advisor.user.id, decisionNotifiedOn: new Date('2026-11-10T00:00:00Z') });
    // 30 days from 10 Nov 2026: Thursday 10 Dec, what the person was told on the public page.
    expect(kase.deadlines.filter((d) => d.kind === 'APPEAL').map((d) => d.dueOn.toISOString().slice(0, 10))).toEqual(['2026-12-10']);
    expect(inquiry.appealDueOn?.toISOString().slice(0, 10)).toBe('2026-12-10');

    // The letter is the client's document, on the case, as its own copy of the same bytes.
    const document = await db.document.findUniqueOrThrow({ where: { id: result.documentId! }, include: { versions: true } });
    expect(document).toMatchObject({ clientId: client.id, kind: 'DECISION_LETTER', title: 'Bijlage 20' });
    expect(kase.documents.map((d) => d.documentId)).toEqual([document.id]);
    const [version] = document.versions;
    expect(version).toMatchObject({ fileName: 'Bijlage 20.pdf', mimeType: 'application/pdf', sizeBytes: bytes.byteLength, sha256: sha256(bytes) });
    expect(version?.storageKey).not.toBe(inquiry.letterStorageKey);
    expect(sha256(new Uint8Array(Buffer.concat(await (await storage.get(version!.storageKey)).body.toArray())))).toBe(sha256(bytes));

    expect(await db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).toMatchObject({ status: 'CONVERTED', convertedClientId: client.id, convertedCaseId: kase.id, convertedById: w.advisor.user.id, convertedAt: expect.any(Date) });
    const actions = (await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
    expect(actions).toEqual(['inquiry.conflict_checked', 'client.created', 'case.created', 'case.transitioned', 'document.uploaded', 'inquiry.converted']);

    // Converting twice is refused, and makes no second client.
    expect((await expectAppError(convert(w.advisor.actor, { inquiryId: inquiry.id }), 'CONFLICT')).userMessage).toBe('inquiries.convert.already');
    expect(await db.client.count({ where: { firmId: w.firm.id } })).toBe(1);
  });

  it('past a possible conflict: refused to an advisor, and to an admin without a reason; an admin with a reason converts, recorded', async () => {
    const w = await createFirmWithStaff('Convert past conflict');
    const nrn = nationalRegisterNumber();
    const ours = await createClient({ actor: w.advisor.actor, input: { firstName: 'Ines', lastName: `Ours${unique()}`, nationality: 'BE', language: 'nl' }, context: newContext() });
    const { id: caseId } = await createCase({ actor: w.advisor.actor, input: { clientId: ours.id, procedure: 'FAMILY_REUNIFICATION' }, context: newContext() });
    await addOtherParty({ actor: w.advisor.actor, input: { caseId, name: 'Marc Opponent', role: 'FORMER_PARTNER', nationalRegisterNumber: nrn }, context: newContext() });
    const inquiry = await createInquiry(w.firm, { firstName: 'Marc', lastName: `Other${unique()}`, nationalRegisterNumber: nrn, topic: 'FAMILY_REUNIFICATION' });
    expect((await check(w, inquiry.id)).outcome).toBe('POSSIBLE');

    const before = await unchanged(w.firm.id);
    for (const actor of [w.advisor.actor, w.assistant.actor]) {
      const error = await expectAppError(convert(actor, { inquiryId: inquiry.id, reason: 'I think it is fine' }), 'FORBIDDEN');
      expect(error.userMessage).toBe('inquiries.convert.adminNeeded');
    }
    const missing = await expectAppError(convert(w.admin.actor, { inquiryId: inquiry.id, reason: '  ' }), 'VALIDATION');
    expect((missing as unknown as { details: { fieldErrors: unknown } }).details.fieldErrors).toEqual({ reason: ['reasonRequired'] });
    expect(await unchanged(w.firm.id)).toEqual(before);

    const reason = 'Separate matter: the opponent in file 2026-1 is not concerned by this registration.';
    const result = await convert(w.admin.actor, { inquiryId: inquiry.id, reason, createCase: 'on' });
    expect(await db.case.findUniqueOrThrow({ where: { id: result.caseId! } })).toMatchObject({ procedure: 'FAMILY_REUNIFICATION', stage: 'INTAKE' });
    const audit = await db.auditLog.findFirstOrThrow({ where: { firmId: w.firm.id, action: 'inquiry.converted', entityId: inquiry.id } });
    expect(audit).toMatchObject({ actorUserId: w.admin.user.id, diff: { after: { pastConflict: true, reason, conflictOutcome: 'POSSIBLE', clientId: result.clientId } } });
  });

  it('needs a new check when the inquiry or the firm changed since the last one', async () => {
    const w = await createFirmWithStaff('Convert recheck');
    const nrn = nationalRegisterNumber();
    const inquiry = await createInquiry(w.firm, { nationalRegisterNumber: nrn });
    expect((await check(w, inquiry.id)).outcome).toBe('CLEAR');
    // Meanwhile the same person is recorded on the other side of a case.
    const ours = await createClient({ actor: w.advisor.actor, input: { firstName: 'Lea', lastName: `Ours${unique()}`, nationality: 'BE', language: 'nl' }, context: newContext() });
    const { id: caseId } = await createCase({ actor: w.advisor.actor, input: { clientId: ours.id, procedure: 'FAMILY_REUNIFICATION' }, context: newContext() });
    await addOtherParty({ actor: w.advisor.actor, input: { caseId, name: 'Someone Else', role: 'SPONSOR', nationalRegisterNumber: nrn }, context: newContext() });
    const before = await unchanged(w.firm.id);
    expect((await expectAppError(convert(w.admin.actor, { inquiryId: inquiry.id, reason: 'x' }), 'CONFLICT')).userMessage).toBe('inquiries.convert.recheck');
    expect(await unchanged(w.firm.id)).toEqual(before);
    expect((await check(w, inquiry.id)).outcome).toBe('POSSIBLE');
    await expect(convert(w.admin.actor, { inquiryId: inquiry.id, reason: 'Checked with the partner' })).resolves.toMatchObject({ clientId: expect.any(String) });
  });

  it('detects a duplicate client as the client form does, keeps no copy of the letter when refused, and converts once confirmed', async () => {
    const w = await createFirmWithStaff('Convert duplicate');
    const lastName = `Same${unique()}`;
    const existing = await createClient({ actor: w.advisor.actor, input: { firstName: 'Omar', lastName, birthDate: '1980-05-05', nationality: 'MA', language: 'fr' }, context: newContext() });
    const inquiry = await createInquiry(w.firm, { firstName: 'Omar', lastName, birthDate: '1980-05-05', letter: { storage, fileName: 'letter.pdf', mimeType: 'application/pdf', bytes: pdf() } });
    const { outcome, matches } = await check(w, inquiry.id);
    expect({ outcome, kinds: matches.map((m) => [m.kind, m.id]) }).toEqual({ outcome: 'POSSIBLE', kinds: [['client', existing.id]] });

    const before = await unchanged(w.firm.id);
    const refused = await convertInquiry({ actor: w.admin.actor, input: { inquiryId: inquiry.id, nationality: 'MA', language: 'fr', reason: 'Same person, a new matter' }, context: newContext(), storage, today: TODAY }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFLICT', userMessage: 'clients.duplicate', exposed: { duplicates: [{ id: existing.id, fileNumber: existing.fileNumber, firstName: 'Omar', lastName, birthDate: '1980-05-05' }] } });
    expect(await unchanged(w.firm.id)).toEqual(before);

    const result = await convert(w.admin.actor, { inquiryId: inquiry.id, reason: 'Same person, a new matter', confirmDuplicate: 'true' });
    expect(result.clientId).not.toBe(existing.id);
    expect(await db.client.count({ where: { firmId: w.firm.id, lastName } })).toBe(2);
  });

  it("asks for a procedure when the topic does not say which, and takes the advisor's pick", async () => {
    const w = await createFirmWithStaff('Convert procedure');
    const inquiry = await createInquiry(w.firm, { topic: 'RENEWAL' });
    await check(w, inquiry.id);
    const error = await expectAppError(convert(w.advisor.actor, { inquiryId: inquiry.id, createCase: 'on' }), 'VALIDATION');
    expect((error as unknown as { details: { fieldErrors: unknown } }).details.fieldErrors).toEqual({ procedure: ['required'] });
    const result = await convert(w.advisor.actor, { inquiryId: inquiry.id, createCase: 'on', procedure: 'SINGLE_PERMIT' });
    expect(await db.case.findUniqueOrThrow({ where: { id: result.caseId! } })).toMatchObject({ procedure: 'SINGLE_PERMIT' });
  });
});
