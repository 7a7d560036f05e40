import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { DASHBOARD_LIST_LIMIT, type DashboardScope } from './dashboard-scope';

export type WaitingCase = {
  caseId: string;
  reference: string;
  clientName: string;
  /** Documents asked for and not yet received. */
  requested: number;
  /** Documents received but refused (the client must send them again). */
  rejected: number;
  /** When the oldest of them was asked for; the longest wait comes first. */
  waitingSince: string | null;
};

/**
 * Open cases with documents the client still owes: checklist items REQUESTED, or REJECTED and to be sent again.
 * Aggregated in Postgres over ChecklistItem(firmId, status), so the page never loads the items themselves.
 */
export async function listCasesWaitingOnClient({
  actor,
  scope = 'mine',
  limit = DASHBOARD_LIST_LIMIT,
}: {
  actor: StaffActor;
  scope?: DashboardScope;
  limit?: number;
}): Promise<{ items: WaitingCase[]; total: number }> {
  assertCan(actor, 'case.read');
  const mine = scope === 'mine' ? Prisma.sql`AND c."assignedToId" = ${actor.userId}` : Prisma.empty;
  // Aggregate first and join the case and client for the shown rows only: the count covers every waiting case.
  const rows = await getDb().$queryRaw<
    { id: string; reference: string; firstName: string; lastName: string; requested: number; rejected: number; since: Date | null; total: number }[]
  >`
    WITH waiting AS (
      SELECT ci."caseId",
             (count(*) FILTER (WHERE ci.status = 'REQUESTED'))::int AS requested,
             (count(*) FILTER (WHERE ci.status = 'REJECTED'))::int AS rejected,
             min(coalesce(ci."requestedAt", ci."updatedAt")) AS since
      FROM "ChecklistItem" ci
      JOIN "Case" c ON c.id = ci."caseId" AND c."firmId" = ${actor.firmId}
      WHERE ci."firmId" = ${actor.firmId}
        AND ci.status IN ('REQUESTED'::"ChecklistStatus", 'REJECTED'::"ChecklistStatus")
        AND c."deletedAt" IS NULL AND c."closedAt" IS NULL AND c.stage <> 'CLOSED'::"CaseStage"
        ${mine}
      GROUP BY ci."caseId"
    ), top AS (
      SELECT w.*, (count(*) OVER ())::int AS total FROM waiting w ORDER BY w.since ASC NULLS LAST, w."caseId" LIMIT ${limit}
    )
    SELECT c.id, c.reference, cl."firstName", cl."lastName", top.requested, top.rejected, top.since, top.total
    FROM top
    JOIN "Case" c ON c.id = top."caseId" AND c."firmId" = ${actor.firmId}
    JOIN "Client" cl ON cl.id = c."clientId" AND cl."firmId" = ${actor.firmId}
    ORDER BY top.since ASC NULLS LAST, top."caseId"
  `;
  return {
    items: rows.map((row) => ({
      caseId: row.id,
      reference: row.reference,
      clientName: `${row.firstName} ${row.lastName}`,
      requested: row.requested,
      rejected: row.rejected,
      waitingSince: row.since?.toISOString() ?? null,
    })),
    total: rows[0]?.total ?? 0,
  };
}
