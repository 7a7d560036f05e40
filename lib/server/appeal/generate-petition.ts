import { randomUUID, createHash } from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { fillPetitionTemplate } from '@/lib/documents/petition/fill-petition-template';
import { samplePetitionTemplate } from '@/lib/documents/petition/sample-petition-template';
import { AppError } from '@/lib/errors';
import { loadMessages } from '@/lib/i18n/messages';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { firmTemplates } from '@/lib/server/firm/petition-templates';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { currentFiling, findAppealCase } from './find-appeal-case';
import { petitionValues } from './petition-values';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZInput = z.object({ caseId: z.string().min(1).max(64), locale: z.enum(['en', 'nl', 'fr']) });
const TITLES = { en: 'Petition to the Council for Alien Law Litigation', nl: 'Verzoekschrift Raad voor Vreemdelingenbetwistingen', fr: 'Requête Conseil du Contentieux des Étrangers' } as const;

/**
 * A first draft of the petition from the firm's DOCX template (the shipped sample in the chosen language when
 * the firm has none, see setPetitionTemplate), filled with the case's facts. It is stored as the client's APPEAL_PETITION document and
 * chosen as the filing's petition; the lawyer edits it in Word and uploads the final version over it.
 */
export async function generatePetition({ actor, input, context, storage = getStorage(), today = brusselsDate() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage; today?: string }) {
  assertCan(actor, 'appeal.prepare');
  const { caseId, locale } = parseInput(ZInput, input);
  const db = getDb();
  const kase = await findAppealCase(db, actor, caseId);
  if (kase.stage !== 'REFUSED') throw new AppError('VALIDATION', { message: `case is ${kase.stage}`, userMessage: 'appeals.filing.notRefused' });
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'decisions.types' });
  const firm = await db.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { name: true, settings: true } });
  const values = await petitionValues(db, { firmId: actor.firmId, firm, userId: actor.userId, kase, locale, today, decisionTypeLabel: (type) => t(type as never) });
  // The firm's own template for the language when it has one, else the shipped sample.
  const own = firmTemplates(firm.settings)[locale];
  const template = own ? new Uint8Array(Buffer.concat(await (await storage.get(own.key)).body.toArray())) : await samplePetitionTemplate(locale);
  const bytes = fillPetitionTemplate(template, values);

  const documentId = randomUUID();
  const versionId = randomUUID();
  const storageKey = `${actor.firmId}/${documentId}/${versionId}`;
  const fileName = `${locale === 'fr' ? 'requete' : locale === 'nl' ? 'verzoekschrift' : 'petition'}-${kase.reference}.docx`;
  await storage.put(storageKey, bytes, { contentType: DOCX, size: bytes.byteLength });
  try {
    return await db.$transaction(async (tx) => {
      await tx.document.create({ data: { id: documentId, firmId: actor.firmId, clientId: kase.clientId, kind: 'APPEAL_PETITION', title: TITLES[locale] } });
      await tx.documentVersion.create({
        data: { id: versionId, firmId: actor.firmId, documentId, version: 1, storageKey, fileName, mimeType: DOCX, sizeBytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedById: actor.userId, fromClient: false },
      });
      await tx.caseDocument.create({ data: { firmId: actor.firmId, caseId: kase.id, documentId } });
      const filing = await currentFiling(tx, actor.firmId, kase.id);
      const language = locale === 'en' ? (filing?.language ?? (kase.client.language === 'fr' ? 'fr' : 'nl')) : locale;
      const saved = filing
        ? await tx.appealFiling.update({ where: { id: filing.id, firmId: actor.firmId }, data: { petitionDocumentId: documentId, packetStorageKey: null, builtAt: null } })
        : await tx.appealFiling.create({ data: { firmId: actor.firmId, caseId: kase.id, language, petitionDocumentId: documentId, annexDocumentIds: [], createdById: actor.userId } });
      await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId: kase.id, type: 'DOCUMENT', actorId: actor.userId, visibility: 'INTERNAL', payload: { action: 'uploaded', documentId, versionId, fileName } } });
      await recordAudit(tx, {
        firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.petition_generated', entity: 'appeal', entityId: saved.id, context,
        after: { caseId: kase.id, documentId, versionId, locale, template: own ? 'firm' : 'sample', filled: Object.entries(values).filter(([, value]) => value !== '').map(([key]) => key) },
      });
      return { filingId: saved.id, documentId, versionId, fileName };
    });
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}
