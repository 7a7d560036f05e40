import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { ZPublicDescription } from './get-public-firm';

/** The public page's switch and texts, for the admin's settings form. */
export async function getPublicPageSettings({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.public_page.update');
  const firm = await getDb().firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { slug: true, publicPageEnabled: true, publicDescription: true } });
  const texts = ZPublicDescription.safeParse(firm.publicDescription);
  return { slug: firm.slug, enabled: firm.publicPageEnabled, description: texts.success ? texts.data : {} };
}
