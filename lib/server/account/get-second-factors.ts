import type { StaffActor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';

/** What the security page lists for the signed-in person: their passkeys and how many recovery codes are left. */
export async function getSecondFactors({ actor }: { actor: StaffActor }) {
  const db = getDb();
  const [passkeys, recoveryCodesLeft, recoveryCodesIssued] = await Promise.all([
    db.passkey.findMany({ where: { userId: actor.userId }, select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: 'asc' } }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
    db.recoveryCode.count({ where: { userId: actor.userId } }),
  ]);
  return { passkeys, recoveryCodesLeft, recoveryCodesIssued };
}
