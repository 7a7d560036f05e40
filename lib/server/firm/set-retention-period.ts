import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { lockedFirmSettings } from './locked-firm-settings';
import { retentionYearsFrom, ZRetentionInput } from './retention-period';

/** Sets how many years after a client's last case their data must be kept before it may be erased. */
export async function setRetentionPeriod({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'firm.settings.update');
  const { years } = parseInput(ZRetentionInput, input);
  return getDb().$transaction(async (tx) => {
    const settings = await lockedFirmSettings(tx, actor.firmId);
    const before = retentionYearsFrom(settings);
    await tx.firm.update({ where: { id: actor.firmId }, data: { settings: { ...settings, retention: { years } } } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'settings.updated', entity: 'settings', entityId: actor.firmId, context,
      before: { retentionYears: before }, after: { retentionYears: years },
    });
    return { years };
  });
}
