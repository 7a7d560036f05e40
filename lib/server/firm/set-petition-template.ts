import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { fillPetitionTemplate, listTemplateTags, PETITION_TEMPLATE_TAGS } from '@/lib/documents/petition/fill-petition-template';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { lockedSettings, PETITION_LOCALES, TEMPLATE_MAX_BYTES } from './petition-templates';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZInput = z.object({ locale: z.enum(PETITION_LOCALES) });

/**
 * The firm's own petition template for one language. It is tried before it is kept: a template docxtemplater
 * cannot fill, or one with fields Sejour does not know (a typo such as {clientNmae}), is refused with the
 * fields named, so the first petition drafted from it does not come out with holes.
 */
export async function setPetitionTemplate({ actor, input, file, context, storage = getStorage() }: { actor: StaffActor; input: unknown; file: { name: string; bytes: Uint8Array }; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'firm.settings.update');
  const { locale } = parseInput(ZInput, input);
  if (file.bytes.byteLength === 0 || file.bytes.byteLength > TEMPLATE_MAX_BYTES) throw new AppError('VALIDATION', { message: 'template size', userMessage: 'appeals.template.size' });
  const { tags, unknown } = listTemplateTags(file.bytes);
  if (unknown.length) throw new AppError('VALIDATION', { message: `unknown tags ${unknown.join(', ')}`, userMessage: 'appeals.template.unknownTags', exposed: { tags: unknown } });
  fillPetitionTemplate(file.bytes, Object.fromEntries(PETITION_TEMPLATE_TAGS.map((tag) => [tag, tag])) as never);

  const key = `${actor.firmId}/templates/petition-${locale}-${randomUUID()}`;
  await storage.put(key, file.bytes, { contentType: DOCX, size: file.bytes.byteLength });
  try {
    const previous = await getDb().$transaction(async (tx) => {
      const settings = await lockedSettings(tx, actor.firmId);
      const templates = settings.petitionTemplates ?? {};
      const entry = { key, fileName: file.name.slice(0, 200), uploadedAt: new Date().toISOString(), tags };
      await tx.firm.update({ where: { id: actor.firmId }, data: { settings: { ...settings, petitionTemplates: { ...templates, [locale]: entry } } as object } });
      await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context, before: { petitionTemplate: templates[locale] ?? null }, after: { petitionTemplate: { locale, ...entry } } });
      return templates[locale]?.key ?? null;
    });
    if (previous) await storage.delete(previous).catch(() => {});
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  return { locale, tags };
}
