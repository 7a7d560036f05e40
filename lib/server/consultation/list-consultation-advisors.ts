import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

/** Whom the publish form may offer times for: the actor alone, or for an admin every active advisor and admin. */
export async function listConsultationAdvisors({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'consultation.manage');
  const members = await getDb().membership.findMany({
    where: { firmId: actor.firmId, deactivatedAt: null, role: { in: ['ADMIN', 'ADVISOR'] }, ...(actor.role === 'ADMIN' ? {} : { userId: actor.userId }) },
    orderBy: [{ user: { name: 'asc' } }, { userId: 'asc' }],
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return members.map((m) => ({ id: m.userId, name: m.user.name?.trim() || m.user.email }));
}
