import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { CaseStage } from '@/lib/generated/prisma/enums';

/**
 * Open cases by stage, for the firm and for the person asking: the first numbers an advisor looks at. One pass
 * over Case_live_stage_idx (firm, stage, advisor; live cases only), read from the index alone.
 */
export async function countCasesByStage({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'case.read');
  const rows = await getDb().$queryRaw<{ stage: CaseStage; firm: number; mine: number }[]>`
    SELECT c."stage"::text AS "stage", count(*)::int AS "firm", (count(*) FILTER (WHERE c."assignedToId" = ${actor.userId}))::int AS "mine"
    FROM "Case" c
    WHERE c."firmId" = ${actor.firmId} AND c."deletedAt" IS NULL
    GROUP BY c."stage"`;
  const firm: Partial<Record<CaseStage, number>> = {};
  const mine: Partial<Record<CaseStage, number>> = {};
  for (const row of rows) {
    firm[row.stage] = row.firm;
    // As before: a stage with none of the person's cases is absent, not 0.
    if (row.mine > 0) mine[row.stage] = row.mine;
  }
  return { firm, mine };
}
