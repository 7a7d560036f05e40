import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { buildAppealPacket } from '@/lib/server/appeal/build-appeal-packet';
import { generatePetition } from '@/lib/server/appeal/generate-petition';
import { openAppealPacket } from '@/lib/server/appeal/open-appeal-packet';
import { recordJboxSubmission } from '@/lib/server/appeal/record-jbox-submission';
import { recordRollNumber } from '@/lib/server/appeal/record-roll-number';
import { saveAppealFiling } from '@/lib/server/appeal/save-appeal-filing';
import { transitionCase } from '@/lib/server/case/transition-case';
import { listUnconfirmedDeadlines } from '@/lib/server/dashboard/list-unconfirmed-deadlines';
import { confirmDeadline } from '@/lib/server/deadline/confirm-deadline';
import { confirmDecisionIntake } from '@/lib/server/decision/confirm-decision-intake';
import { discardDecisionIntake } from '@/lib/server/decision/discard-decision-intake';
import { getDecisionWorkspace } from '@/lib/server/decision/get-decision-workspace';
import { uploadDecisionLetter } from '@/lib/server/decision/upload-decision-letter';
import { uploadDocument } from '@/lib/server/document/upload-document';
import { listPetitionTemplates } from '@/lib/server/firm/list-petition-templates';
import { removePetitionTemplate } from '@/lib/server/firm/remove-petition-template';
import { setDeadlineConfirmation } from '@/lib/server/firm/set-deadline-confirmation';
import { setPetitionTemplate } from '@/lib/server/firm/set-petition-template';
import { samplePetitionTemplate } from '@/lib/documents/petition/sample-petition-template';
import { createLocalStorage } from '@/lib/storage/local-storage';
import { writeTextDecisionPdf } from '../../support/decision-letters';
import type { DocumentOperation, DocumentWorld } from './document-operations';
import { addMember, newContext } from './fixtures';

// The decision-intake, four-eyes and J-Box rows of the OPERATIONS table in permissions.test.ts, which spreads them in.
// Import after setupTestDatabase(), as the test does lib/server.

const db = getDb();
const dir = mkdtempSync(path.join(tmpdir(), 'sejour-perm-appeal-'));
const storage = createLocalStorage(path.join(dir, 'objects'));
const AS_OF = '2026-12-04';
const FACTS = { decisionDate: '2026-11-12', notifiedOn: '2026-11-16', dvzFileNumber: '8123456', clientName: 'Amina' };
const actorOf = (w: DocumentWorld, role: Role) => ({ ADMIN: w.admin, ADVISOR: w.advisor, ASSISTANT: w.assistant })[role].actor;
const version = async (w: DocumentWorld) => (await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).version;

let letterBytes: Uint8Array | null = null;
async function letter() {
  if (!letterBytes) {
    const file = path.join(dir, 'letter.pdf');
    await writeTextDecisionPdf(file, 'nl', FACTS);
    letterBytes = new Uint8Array(await readFile(file));
  }
  // A marker after %%EOF keeps every upload's hash apart (the duplicate check), as a re-scan would.
  return new Uint8Array(Buffer.concat([letterBytes, Buffer.from(`\n% ${Math.random()}\n`)]));
}

/** A letter read into the world's case by its advisor (the proposal the confirmation works on). */
async function proposedIntake(w: DocumentWorld) {
  const { intakeId, documentId } = await uploadDecisionLetter({ actor: w.advisor.actor, input: { caseId: w.kase.id }, file: { name: 'bijlage-20.pdf', body: await letter() }, context: newContext(), storage, asOf: AS_OF });
  w.refs.intake = intakeId;
  w.refs.decisionDocument = documentId;
}

/** The case refused as recorded by the advisor, so a colleague has a deadline to confirm. */
async function refused(w: DocumentWorld) {
  await transitionCase({ actor: w.advisor.actor, input: { caseId: w.kase.id, version: await version(w), transition: 'REFUSAL_NOTIFIED', facts: { notifiedOn: FACTS.notifiedOn, regime: 'ORDINARY' } }, context: newContext(), asOf: AS_OF });
  w.refs.deadline = (await db.deadline.findFirstOrThrow({ where: { caseId: w.kase.id, kind: 'APPEAL' } })).id;
}

/** A refused case with its decision and a saved filing (the decision doubles as the petition: conversion is not the point here). */
async function preparedFiling(w: DocumentWorld) {
  await refused(w);
  const { documentId } = await uploadDocument({ actor: w.advisor.actor, input: { caseId: w.kase.id, kind: 'DECISION_LETTER' }, file: { name: 'bijlage-20.pdf', body: await letter() }, context: newContext(), storage });
  w.refs.decisionDocument = documentId;
  await saveAppealFiling({ actor: w.advisor.actor, input: { caseId: w.kase.id, language: 'nl', petitionDocumentId: documentId, decisionDocumentId: documentId }, context: newContext(), storage });
}

const auditCount = (w: DocumentWorld, action: string) => db.auditLog.count({ where: { firmId: w.firm.id, action } });

const firmTemplate = (w: DocumentWorld) => db.firm.findUniqueOrThrow({ where: { id: w.firm.id }, select: { settings: true } }).then((f) => (f.settings as { petitionTemplates?: Record<string, unknown> }).petitionTemplates ?? {});

export const APPEAL_OPERATIONS: DocumentOperation[] = [
  {
    name: 'setPetitionTemplate', file: 'lib/server/firm/set-petition-template.ts', action: 'firm.settings.update',
    run: async (w, role) => setPetitionTemplate({ actor: actorOf(w, role), input: { locale: 'nl' }, file: { name: 'kantoor.docx', bytes: await samplePetitionTemplate('nl') }, context: newContext(), storage }),
    allowed: async (w) => expect(await firmTemplate(w)).toHaveProperty('nl'),
  },
  {
    name: 'removePetitionTemplate', file: 'lib/server/firm/remove-petition-template.ts', action: 'firm.settings.update',
    setup: async (w) => { await setPetitionTemplate({ actor: w.admin.actor, input: { locale: 'fr' }, file: { name: 'cabinet.docx', bytes: await samplePetitionTemplate('fr') }, context: newContext(), storage }); },
    run: (w, role) => removePetitionTemplate({ actor: actorOf(w, role), input: { locale: 'fr' }, context: newContext(), storage }),
    allowed: async (w) => expect(await firmTemplate(w)).toEqual({}),
  },
  {
    name: 'listPetitionTemplates', file: 'lib/server/firm/list-petition-templates.ts', action: 'firm.settings.update',
    run: (w, role) => listPetitionTemplates({ actor: actorOf(w, role) }),
    allowed: async (_w, _role, result) => expect((result as Awaited<ReturnType<typeof listPetitionTemplates>>).templates.map((t) => t.own)).toEqual([null, null, null]),
  },
  {
    name: 'uploadDecisionLetter', file: 'lib/server/decision/upload-decision-letter.ts', action: 'decision.intake',
    run: async (w, role) => uploadDecisionLetter({ actor: actorOf(w, role), input: { caseId: w.kase.id }, file: { name: 'bijlage-20.pdf', body: await letter() }, context: newContext(), storage, asOf: AS_OF }),
    allowed: async (w) => {
      expect(await db.decisionIntake.count({ where: { firmId: w.firm.id, status: 'PROPOSED' } })).toBe(1);
      expect(await auditCount(w, 'decision.read')).toBe(1);
    },
  },
  {
    name: 'confirmDecisionIntake', file: 'lib/server/decision/confirm-decision-intake.ts', action: 'decision.intake', setup: proposedIntake,
    run: async (w, role) => confirmDecisionIntake({ actor: actorOf(w, role), input: { intakeId: w.refs.intake, version: await version(w), decisionType: 'ANNEX_20', outcome: 'REFUSED', notifiedOn: FACTS.notifiedOn, regime: 'ORDINARY' }, context: newContext(), asOf: AS_OF }),
    allowed: async (w) => expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toMatchObject({ stage: 'REFUSED' }),
  },
  {
    name: 'discardDecisionIntake', file: 'lib/server/decision/discard-decision-intake.ts', action: 'decision.intake', setup: proposedIntake,
    run: (w, role) => discardDecisionIntake({ actor: actorOf(w, role), input: { intakeId: w.refs.intake }, context: newContext() }),
    allowed: async (w) => expect(await db.decisionIntake.findUniqueOrThrow({ where: { id: w.refs.intake } })).toMatchObject({ status: 'DISCARDED' }),
  },
  {
    name: 'getDecisionWorkspace', file: 'lib/server/decision/get-decision-workspace.ts', action: 'case.read', setup: proposedIntake,
    run: (w, role) => getDecisionWorkspace({ actor: actorOf(w, role), caseId: w.kase.id }),
    allowed: async (w, _role, result) => expect((result as Awaited<ReturnType<typeof getDecisionWorkspace>>)?.intakes.map((i) => i.id)).toEqual([w.refs.intake]),
  },
  {
    name: 'confirmDeadline', file: 'lib/server/deadline/confirm-deadline.ts', action: 'deadline.confirm',
    // Recorded by a fourth member, so that no role under test is the recorder.
    setup: async (w) => {
      const recorder = await addMember(w.firm, 'ADVISOR', 'Recorder');
      await transitionCase({ actor: recorder.actor, input: { caseId: w.kase.id, version: await version(w), transition: 'REFUSAL_NOTIFIED', facts: { notifiedOn: FACTS.notifiedOn, regime: 'ORDINARY' } }, context: newContext(), asOf: AS_OF });
      w.refs.deadline = (await db.deadline.findFirstOrThrow({ where: { caseId: w.kase.id, kind: 'APPEAL' } })).id;
    },
    run: (w, role) => confirmDeadline({ actor: actorOf(w, role), input: { deadlineId: w.refs.deadline }, context: newContext() }),
    allowed: async (w, role) => expect(await db.deadline.findUniqueOrThrow({ where: { id: w.refs.deadline } })).toMatchObject({ confirmedById: actorOf(w, role).userId }),
  },
  {
    name: 'setDeadlineConfirmation', file: 'lib/server/firm/set-deadline-confirmation.ts', action: 'firm.settings.update',
    run: (w, role) => setDeadlineConfirmation({ actor: actorOf(w, role), input: { required: 'true' }, context: newContext() }),
    allowed: async (w) => expect(await db.firm.findUniqueOrThrow({ where: { id: w.firm.id } })).toMatchObject({ requireDeadlineConfirmation: true }),
  },
  {
    name: 'listUnconfirmedDeadlines', file: 'lib/server/dashboard/list-unconfirmed-deadlines.ts', action: 'deadline.read',
    setup: async (w) => { await db.firm.update({ where: { id: w.firm.id }, data: { requireDeadlineConfirmation: true } }); await refused(w); },
    run: (w, role) => listUnconfirmedDeadlines({ actor: actorOf(w, role) }),
    allowed: async (w, _role, result) => expect((result as Awaited<ReturnType<typeof listUnconfirmedDeadlines>>).items.map((i) => i.deadlineId)).toEqual([w.refs.deadline]),
  },
  {
    name: 'saveAppealFiling', file: 'lib/server/appeal/save-appeal-filing.ts', action: 'appeal.prepare', setup: refused,
    run: (w, role) => saveAppealFiling({ actor: actorOf(w, role), input: { caseId: w.kase.id, language: 'fr' }, context: newContext(), storage }),
    allowed: async (w) => expect(await db.appealFiling.findFirstOrThrow({ where: { caseId: w.kase.id } })).toMatchObject({ language: 'fr' }),
  },
  {
    name: 'generatePetition', file: 'lib/server/appeal/generate-petition.ts', action: 'appeal.prepare', setup: refused,
    run: (w, role) => generatePetition({ actor: actorOf(w, role), input: { caseId: w.kase.id, locale: 'fr' }, context: newContext(), storage }),
    allowed: async (w) => expect(await db.document.count({ where: { firmId: w.firm.id, kind: 'APPEAL_PETITION' } })).toBe(1),
  },
  {
    name: 'buildAppealPacket', file: 'lib/server/appeal/build-appeal-packet.ts', action: 'appeal.prepare', setup: preparedFiling,
    run: (w, role) => buildAppealPacket({ actor: actorOf(w, role), input: { caseId: w.kase.id }, context: newContext(), storage }),
    allowed: async (w) => expect((await db.appealFiling.findFirstOrThrow({ where: { caseId: w.kase.id } })).packetStorageKey).not.toBeNull(),
  },
  {
    name: 'openAppealPacket', file: 'lib/server/appeal/open-appeal-packet.ts', action: 'document.read',
    setup: async (w) => { await preparedFiling(w); await buildAppealPacket({ actor: w.advisor.actor, input: { caseId: w.kase.id }, context: newContext(), storage }); },
    run: async (w, role) => { const packet = await openAppealPacket({ actor: actorOf(w, role), input: { caseId: w.kase.id }, context: newContext(), storage }); return (await packet.stream.toArray()).length; },
    allowed: async (w) => expect(await auditCount(w, 'appeal.packet_downloaded')).toBe(1),
  },
  {
    name: 'recordJboxSubmission', file: 'lib/server/appeal/record-jbox-submission.ts', action: 'appeal.file', setup: preparedFiling,
    run: async (w, role) => recordJboxSubmission({ actor: actorOf(w, role), input: { caseId: w.kase.id, version: await version(w), submittedAt: '2026-12-03T10:00', receipt: 'JBOX-1' }, context: newContext(), asOf: AS_OF }),
    allowed: async (w) => expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toMatchObject({ stage: 'APPEAL_FILED' }),
  },
  {
    name: 'recordRollNumber', file: 'lib/server/appeal/record-roll-number.ts', action: 'appeal.file',
    setup: async (w) => { await preparedFiling(w); await recordJboxSubmission({ actor: w.advisor.actor, input: { caseId: w.kase.id, version: await version(w), submittedAt: '2026-12-03T10:00', receipt: 'JBOX-1' }, context: newContext(), asOf: AS_OF }); },
    run: async (w, role) => recordRollNumber({ actor: actorOf(w, role), input: { caseId: w.kase.id, version: await version(w), rollNumber: '300 001' }, context: newContext() }),
    allowed: async (w) => expect(await db.case.findUniqueOrThrow({ where: { id: w.kase.id } })).toMatchObject({ rvvRollNumber: '300 001' }),
  },
];
