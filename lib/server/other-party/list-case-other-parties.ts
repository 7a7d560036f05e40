import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';

/** The live other parties of one case of the firm, for the case page: never their number, only whether one is on file. */
export async function listCaseOtherParties({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  assertCan(actor, 'case.read');
  const rows = await getDb().otherParty.findMany({
    where: { caseId, firmId: actor.firmId, deletedAt: null, case: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, role: true, birthDate: true, note: true, nationalRegisterNumberHash: true },
  });
  return rows.map(({ nationalRegisterNumberHash, birthDate, ...row }) => ({ ...row, birthDate: birthDate ? fromDbDate(birthDate) : null, hasNationalRegisterNumber: Boolean(nationalRegisterNumberHash) }));
}
