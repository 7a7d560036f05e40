import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

export type CaseAdvisorOption = { userId: string; name: string; active: boolean };

/**
 * The people the cases table can filter on: every member of the firm, active ones first. Members who left keep
 * their cases until someone reassigns them, and finding those cases is exactly why one filters on them.
 */
export async function listCaseAdvisors({ actor }: { actor: StaffActor }): Promise<CaseAdvisorOption[]> {
  assertCan(actor, 'case.read');
  const rows = await getDb().membership.findMany({
    where: { firmId: actor.firmId },
    select: { deactivatedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map(({ user, deactivatedAt }) => ({ userId: user.id, name: user.name ?? user.email, active: deactivatedAt === null }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}
