import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, retentionYearsFrom } from './retention-period';

/** The firm's retention period for the settings page, with its bounds and default. */
export async function getRetentionPeriod({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'firm.settings.update');
  const firm = await getDb().firm.findUniqueOrThrow({ where: { id: actor.firmId }, select: { settings: true } });
  return { years: retentionYearsFrom(firm.settings), defaultYears: DEFAULT_RETENTION_YEARS, maxYears: MAX_RETENTION_YEARS };
}
