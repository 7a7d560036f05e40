import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { getStorage } from '@/lib/storage/get-storage';
import type { Storage } from '@/lib/storage/storage';
import { lockedSettings, PETITION_LOCALES } from './petition-templates';

const ZInput = z.object({ locale: z.enum(PETITION_LOCALES) });

/** Back to the shipped sample for one language; the firm's file is removed once the change committed. */
export async function removePetitionTemplate({ actor, input, context, storage = getStorage() }: { actor: StaffActor; input: unknown; context: RequestContext; storage?: Storage }) {
  assertCan(actor, 'firm.settings.update');
  const { locale } = parseInput(ZInput, input);
  const previous = await getDb().$transaction(async (tx) => {
    const settings = await lockedSettings(tx, actor.firmId);
    const { [locale]: gone, ...rest } = settings.petitionTemplates ?? {};
    if (!gone) return null;
    await tx.firm.update({ where: { id: actor.firmId }, data: { settings: { ...settings, petitionTemplates: rest } as object } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context, before: { petitionTemplate: { locale, ...gone } }, after: { petitionTemplate: null } });
    return gone.key;
  });
  if (previous) await storage.delete(previous).catch(() => {});
  return { locale, removed: Boolean(previous) };
}
