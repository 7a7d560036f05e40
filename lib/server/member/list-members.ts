import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

export async function listMembers({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'member.read');
  const db = getDb();
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { firmId: actor.firmId },
      orderBy: [{ deactivatedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
      select: { id: true, role: true, deactivatedAt: true, createdAt: true, user: { select: { id: true, name: true, email: true, totpEnabledAt: true, _count: { select: { passkeys: true } } } } },
    }),
    db.invitation.findMany({
      where: { firmId: actor.firmId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, role: { not: null } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}
