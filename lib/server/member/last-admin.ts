import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** A firm always keeps one active admin: otherwise nobody could invite, change roles or read the audit log. */
export async function assertAnotherAdminRemains(tx: Tx, firmId: string, leavingMembershipId: string): Promise<void> {
  // Lock the firm's admin rows so two admins demoting each other at once cannot both pass.
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "firmId" = ${firmId} AND role = 'ADMIN' AND "deactivatedAt" IS NULL FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== leavingMembershipId)) {
    throw new AppError('CONFLICT', { message: 'last admin', userMessage: 'members.lastAdmin' });
  }
}
