import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '@/lib/auth/actor';
import { pdfaIdentification } from '@/lib/documents/pdfa/is-pdfa';
import type { Case } from '@/lib/generated/prisma/client';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { writeScannedDecisionPng, writeTextDecisionPdf } from '../support/decision-letters';
import { createCase, createClient, createFirmWithStaff, expectAppError, newContext, writeCounts, type FirmWithStaff, type PlainClient } from './support/fixtures';
import { setupTestDatabase } from './support/test-database';

// The J-Box packet end to end with the real converters (Ghostscript, LibreOffice) on a refused case:
// the choice of documents, the petition from the shipped template, the PDF/A files in their order with the
// inventory, the download, the submission and the roll number; and the other firm kept out at each step.
const dataDir = await mkdtemp(path.join(tmpdir(), 'sejour-appeals-'));
process.env.DATA_DIR = dataDir;
await setupTestDatabase();
const { getDb } = await import('@/lib/db');
const { transitionCase } = await import('@/lib/server/case/transition-case');
const { uploadDocument } = await import('@/lib/server/document/upload-document');
const { saveAppealFiling } = await import('@/lib/server/appeal/save-appeal-filing');
const { generatePetition } = await import('@/lib/server/appeal/generate-petition');
const { buildAppealPacket } = await import('@/lib/server/appeal/build-appeal-packet');
const { openAppealPacket } = await import('@/lib/server/appeal/open-appeal-packet');
const { recordJboxSubmission } = await import('@/lib/server/appeal/record-jbox-submission');
const { recordRollNumber } = await import('@/lib/server/appeal/record-roll-number');
const { setPetitionTemplate } = await import('@/lib/server/firm/set-petition-template');
const { samplePetitionTemplate } = await import('@/lib/documents/petition/sample-petition-template');

const db = getDb();
const storage = createLocalStorage(path.join(dataDir, 'objects'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const FACTS = { decisionDate: '2026-11-12', notifiedOn: '2026-11-16', dvzFileNumber: '8123456', clientName: 'Amina El Idrissi' };
let a: FirmWithStaff;
let b: FirmWithStaff;
let client: PlainClient;
let otherClient: PlainClient;
let kase: Case;
let decisionId: string;
let photoId: string;
let foreignDocumentId: string;

async function file(write: (f: string) => Promise<unknown>, name: string) {
  const target = path.join(dataDir, `${Math.random().toString(36).slice(2)}-${name}`);
  await write(target);
  return new Uint8Array(await readFile(target));
}

async function upload(actor: StaffActor, caseId: string, name: string, body: Uint8Array, title: string) {
  const { documentId } = await uploadDocument({ actor, input: { caseId, kind: 'OTHER' }, file: { name, body }, context: newContext(), storage });
  await db.document.update({ where: { id: documentId }, data: { title } });
  return documentId;
}

beforeAll(async () => {
  [a, b] = await Promise.all([createFirmWithStaff('Appeals A'), createFirmWithStaff('Appeals B')]);
  [client, otherClient] = await Promise.all([createClient(a.firm, { language: 'nl' }), createClient(a.firm)]);
  const created = await createCase(a.firm, client.client);
  kase = await db.case.update({ where: { id: created.id }, data: { stage: 'DECISION_PENDING', procedure: 'REGISTRATION_NON_EU', facts: { procedure: 'REGISTRATION_NON_EU', stay: 'LONG', arrivedOn: '2026-01-05' }, dvzFileNumber: FACTS.dvzFileNumber } });
  await transitionCase({ actor: a.advisor.actor, input: { caseId: kase.id, version: kase.version, transition: 'REFUSAL_NOTIFIED', facts: { notifiedOn: FACTS.notifiedOn, regime: 'ORDINARY' } }, context: newContext(), asOf: '2026-12-04' });
  decisionId = await upload(a.advisor.actor, kase.id, 'bijlage-20.pdf', await file((f) => writeTextDecisionPdf(f, 'nl', FACTS), 'd.pdf'), 'Bijlage 20 van 12 november 2026');
  photoId = await upload(a.advisor.actor, kase.id, 'loonfiche.png', await file((f) => writeScannedDecisionPng(f, 'nl', FACTS), 'p.png'), 'Loonfiches oktober 2026');
  const otherCase = await createCase(a.firm, otherClient.client);
  foreignDocumentId = await upload(a.advisor.actor, otherCase.id, 'other.pdf', await file((f) => writeTextDecisionPdf(f, 'fr', FACTS), 'o.pdf'), 'Someone else');
});

const version = async () => (await db.case.findUniqueOrThrow({ where: { id: kase.id } })).version;

describe('the J-Box packet', () => {
  it('keeps other clients’ documents and other firms out of the filing, changing nothing', async () => {
    const before = await writeCounts();
    await expectAppError(saveAppealFiling({ actor: a.advisor.actor, input: { caseId: kase.id, language: 'nl', decisionDocumentId: decisionId, annexDocumentIds: [foreignDocumentId] }, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(saveAppealFiling({ actor: b.admin.actor, input: { caseId: kase.id, language: 'nl', decisionDocumentId: decisionId }, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(generatePetition({ actor: b.admin.actor, input: { caseId: kase.id, locale: 'nl' }, context: newContext(), storage }), 'NOT_FOUND');
    await expectAppError(saveAppealFiling({ actor: a.advisor.actor, input: { caseId: kase.id, language: 'de' }, context: newContext(), storage }), 'VALIDATION');
    expect(await writeCounts()).toEqual(before);
  });

  it('drafts the petition, converts every file to PDF/A and numbers them with an inventory in Dutch', async () => {
    const petition = await generatePetition({ actor: a.advisor.actor, input: { caseId: kase.id, locale: 'nl' }, context: newContext(), storage });
    const draft = new PizZip(Buffer.concat(await (await storage.get((await db.documentVersion.findUniqueOrThrow({ where: { id: petition.versionId } })).storageKey)).body.toArray()));
    const body = draft.file('word/document.xml')!.asText();
    expect(body).toContain(FACTS.dvzFileNumber);
    expect(body).toContain('16 november 2026');
    await saveAppealFiling({ actor: a.advisor.actor, input: { caseId: kase.id, language: 'nl', petitionDocumentId: petition.documentId, decisionDocumentId: decisionId, annexDocumentIds: [photoId] }, context: newContext(), storage });

    const { manifest } = await buildAppealPacket({ actor: a.advisor.actor, input: { caseId: kase.id }, context: newContext(), storage });
    expect(manifest.files.map((f) => [f.fileName, f.role])).toEqual([
      ['01_verzoekschrift.pdf', 'petition'],
      ['02_bestreden_beslissing.pdf', 'decision'],
      ['03_inventaris.pdf', 'inventory'],
      [expect.stringMatching(/^04_stuk_1_loonfiches_oktober_2026\.pdf$/), 'annex'],
    ]);
    expect(manifest.files.find((f) => f.role === 'petition')).toMatchObject({ converted: true, tool: 'libreoffice' });
    expect(manifest.files.find((f) => f.role === 'annex')).toMatchObject({ converted: true, tool: 'ghostscript', sourceMimeType: 'image/png' });

    const download = await openAppealPacket({ actor: a.assistant.actor, input: { caseId: kase.id }, context: newContext(), storage });
    expect(download.fileName).toMatch(/^verzoekschrift-rvv-.+\.zip$/);
    const zip = new PizZip(Buffer.concat(await download.stream.toArray()));
    const names = Object.keys(zip.files);
    expect(names).toEqual(manifest.files.map((f) => f.fileName));
    for (const name of names) {
      const bytes = new Uint8Array(zip.file(name)!.asUint8Array());
      expect(pdfaIdentification(bytes), name).toMatchObject({ part: 2 });
    }
    const inventory = await extractText(await getDocumentProxy(new Uint8Array(zip.file('03_inventaris.pdf')!.asUint8Array())), { mergePages: true });
    expect(inventory.text).toContain('Inventaris van de stukken');
    expect(inventory.text).toContain('Loonfiches oktober 2026');
    expect(await db.auditLog.count({ where: { firmId: a.firm.id, action: { in: ['appeal.packet_built', 'appeal.packet_downloaded', 'appeal.petition_generated', 'appeal.filing_saved'] } } })).toBe(4);
    await expectAppError(openAppealPacket({ actor: b.admin.actor, input: { caseId: kase.id }, context: newContext(), storage }), 'NOT_FOUND');
  });

  it('records the J-Box submission (lawyers only) and the roll number, moving the case to appeal filed', async () => {
    const input = { caseId: kase.id, version: await version(), submittedAt: '2026-12-03T23:41', receipt: 'JBOX-2026-0012345' };
    await expectAppError(recordJboxSubmission({ actor: a.assistant.actor, input, context: newContext(), asOf: '2026-12-04' }), 'FORBIDDEN');
    await expectAppError(recordJboxSubmission({ actor: b.admin.actor, input, context: newContext(), asOf: '2026-12-04' }), 'NOT_FOUND');
    await recordJboxSubmission({ actor: a.advisor.actor, input, context: newContext(), asOf: '2026-12-04' });
    const filed = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(filed.stage).toBe('APPEAL_FILED');
    // 23:41 in Brussels on 3 December is 22:41 UTC: the filing date is the Brussels one.
    expect((filed.facts as Record<string, unknown>).appealFiledOn).toBe('2026-12-03');
    const filing = await db.appealFiling.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(filing).toMatchObject({ jboxReceipt: 'JBOX-2026-0012345', submittedById: a.advisor.user.id });
    expect(filing.submittedAt?.toISOString()).toBe('2026-12-03T22:41:00.000Z');

    await expectAppError(recordRollNumber({ actor: b.admin.actor, input: { caseId: kase.id, version: filed.version, rollNumber: '312 456' }, context: newContext() }), 'NOT_FOUND');
    await recordRollNumber({ actor: a.advisor.actor, input: { caseId: kase.id, version: filed.version, rollNumber: '312 456' }, context: newContext() });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ rvvRollNumber: '312 456' });
    expect(await db.appealFiling.findFirstOrThrow({ where: { caseId: kase.id } })).toMatchObject({ rollNumber: '312 456' });
  });
});

describe('the firm’s own petition template', () => {
  it('refuses a template with a misspelt field, naming it, and keeps nothing', async () => {
    const zip = new PizZip(await samplePetitionTemplate('fr'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{clientName}', '{clientNmae}'));
    const before = await writeCounts();
    const error = await expectAppError(setPetitionTemplate({ actor: a.admin.actor, input: { locale: 'fr' }, file: { name: 'typo.docx', bytes: zip.generate({ type: 'uint8array' }) }, context: newContext(), storage }), 'VALIDATION');
    expect(error).toMatchObject({ userMessage: 'appeals.template.unknownTags', exposed: { tags: ['clientNmae'] } });
    await expectAppError(setPetitionTemplate({ actor: a.admin.actor, input: { locale: 'fr' }, file: { name: 'not.docx', bytes: new TextEncoder().encode('plain text') }, context: newContext(), storage }), 'VALIDATION');
    expect(await writeCounts()).toEqual(before);
  });

  it('drafts the next petition from the firm’s template', async () => {
    const zip = new PizZip(await samplePetitionTemplate('fr'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{clientName}', 'CABINET-MODELE {clientName}'));
    await setPetitionTemplate({ actor: a.admin.actor, input: { locale: 'fr' }, file: { name: 'cabinet.docx', bytes: zip.generate({ type: 'uint8array' }) }, context: newContext(), storage });
    const refusedCase = await createCase(a.firm, client.client);
    const moved = await db.case.update({ where: { id: refusedCase.id }, data: { stage: 'REFUSED' } });
    const petition = await generatePetition({ actor: a.advisor.actor, input: { caseId: moved.id, locale: 'fr' }, context: newContext(), storage });
    const key = (await db.documentVersion.findUniqueOrThrow({ where: { id: petition.versionId } })).storageKey;
    const text = new PizZip(Buffer.concat(await (await storage.get(key)).body.toArray())).file('word/document.xml')!.asText();
    expect(text).toContain(`CABINET-MODELE ${client.client.firstName} ${client.client.lastName}`);
  });
});
