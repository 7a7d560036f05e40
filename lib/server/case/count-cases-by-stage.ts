import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { CaseStage } from '@/lib/generated/prisma/enums';

/** Open cases by stage, for the firm and for the person asking: the first numbers an advisor looks at. */
export async function countCasesByStage({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'case.read');
  const db = getDb();
  const where = { firmId: actor.firmId, deletedAt: null };
  const [firm, mine] = await Promise.all([
    db.case.groupBy({ by: ['stage'], where, _count: { _all: true } }),
    db.case.groupBy({ by: ['stage'], where: { ...where, assignedToId: actor.userId }, _count: { _all: true } }),
  ]);
  const toMap = (rows: { stage: CaseStage; _count: { _all: number } }[]) => Object.fromEntries(rows.map((r) => [r.stage, r._count._all])) as Partial<Record<CaseStage, number>>;
  return { firm: toMap(firm), mine: toMap(mine) };
}
