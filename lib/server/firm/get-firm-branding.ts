import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { firmLogoUrl, LOGO_MAX_BYTES } from './firm-logo';

/** What the firm's emails carry at the top: its name and, when it has one, its logo (with its public address). */
export async function getFirmBranding({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.read');
  const firm = await getDb().firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { name: true, logoKey: true } });
  const url = firmLogoUrl(firm.logoKey);
  return { name: firm.name, logoUrl: url ?? null, logoPath: url ? new URL(url).pathname : null, maxBytes: LOGO_MAX_BYTES };
}
