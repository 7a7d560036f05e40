import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { eventOccurredOn } from '@/lib/case-event-date';
import type { CaseStage } from '@/lib/generated/prisma/enums';

export type ActivityEntry = {
  id: string;
  type: string;
  toStage: CaseStage | null;
  /** Only for task events: the task's title. Note and message bodies stay on the case page. */
  taskTitle: string | null;
  taskAction: 'created' | 'completed' | null;
  occurredAt: string;
  /** Set when the event is known only by its day (lib/case-event-date): show the date, not a time. */
  occurredOn: string | null;
  actorName: string | null;
  caseId: string;
  reference: string;
  clientName: string;
};

/**
 * The firm's latest case events, newest first: one backwards scan of CaseEvent(firmId, occurredAt). Events dated
 * in the future (a transition recorded ahead of its effective date) are not "recent" yet and wait their turn.
 */
export async function listRecentActivity({ actor, limit = 15, now = new Date() }: { actor: StaffActor; limit?: number; now?: Date }): Promise<ActivityEntry[]> {
  assertCan(actor, 'case.read');
  const rows = await getDb().caseEvent.findMany({
    where: { firmId: actor.firmId, occurredAt: { lte: now }, case: { deletedAt: null } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      type: true,
      toStage: true,
      note: true,
      payload: true,
      occurredAt: true,
      actor: { select: { name: true, email: true } },
      case: { select: { id: true, reference: true, client: { select: { firstName: true, lastName: true } } } },
    },
  });
  return rows.map((row) => {
    const isTask = row.type === 'TASK';
    const action = isTask && typeof row.payload === 'object' && row.payload && 'action' in row.payload ? row.payload.action : null;
    return {
      id: row.id,
      type: row.type,
      toStage: row.toStage,
      taskTitle: isTask ? row.note : null,
      taskAction: action === 'created' || action === 'completed' ? action : null,
      occurredAt: row.occurredAt.toISOString(),
      occurredOn: eventOccurredOn(row.payload, row.occurredAt),
      actorName: row.actor ? (row.actor.name ?? row.actor.email) : null,
      caseId: row.case.id,
      reference: row.case.reference,
      clientName: `${row.case.client.firstName} ${row.case.client.lastName}`,
    };
  });
}
