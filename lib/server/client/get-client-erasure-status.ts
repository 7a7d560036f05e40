import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { retentionYearsFrom } from '@/lib/server/firm/retention-period';
import { erasureStatus } from './erasure-status';

/** For the client page: whether the client may be erased today, and if not, why (an open case, or until when). */
export async function getClientErasureStatus({ actor, clientId, today = brusselsDate() }: { actor: StaffActor; clientId: string; today?: string }) {
  assertCan(actor, 'client.erase');
  const client = await getDb().client.findFirst({
    where: { id: clientId, firmId: actor.firmId, deletedAt: null },
    select: {
      createdAt: true,
      firm: { select: { settings: true } },
      cases: { where: { firmId: actor.firmId }, select: { reference: true, stage: true, closedAt: true, deletedAt: true, updatedAt: true } },
    },
  });
  if (!client) throw new AppError('NOT_FOUND');
  const retentionYears = retentionYearsFrom(client.firm.settings);
  return { retentionYears, ...erasureStatus({ cases: client.cases, clientCreatedAt: client.createdAt, retentionYears, today }) };
}
