import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';

const description = z.string().trim().max(2000, 'descriptionTooLong').default('');
const ZInput = z.object({ enabled: z.union([z.boolean(), z.stringbool()]), en: description, nl: description, fr: description, de: description });

/** Opens or closes the firm's public page (/f/<slug>) and sets what it says about the firm, per language. */
export async function setPublicPage({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.public_page.update');
  const { enabled, ...texts } = parseInput(ZInput, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { publicPageEnabled: true, publicDescription: true } });
    const after = await tx.firm.update({ where: { id: actor.firmId }, data: { publicPageEnabled: enabled, publicDescription: texts }, select: { publicPageEnabled: true, publicDescription: true, slug: true } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'firm.public_page_updated', entity: 'firm', entityId: actor.firmId, before, after: { publicPageEnabled: after.publicPageEnabled, publicDescription: after.publicDescription }, context });
    return { enabled: after.publicPageEnabled, slug: after.slug };
  });
}
