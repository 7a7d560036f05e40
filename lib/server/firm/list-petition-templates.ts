import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { PETITION_TEMPLATE_TAGS } from '@/lib/documents/petition/fill-petition-template';
import { firmTemplates, PETITION_LOCALES, TEMPLATE_MAX_BYTES } from './petition-templates';

/** Per language, the firm's own petition template or the shipped sample, and the fields a template may use. */
export async function listPetitionTemplates({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.settings.update');
  const firm = await getDb().firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { settings: true } });
  const own = firmTemplates(firm.settings);
  return {
    fields: [...PETITION_TEMPLATE_TAGS],
    maxBytes: TEMPLATE_MAX_BYTES,
    templates: PETITION_LOCALES.map((locale) => ({ locale, own: own[locale] ? { fileName: own[locale].fileName, uploadedAt: own[locale].uploadedAt } : null })),
  };
}
