import type { Tx } from '@/lib/db';

/**
 * Who recorded a case's refusal notification (the latest "refusal notified" move): the person four eyes
 * keeps from confirming the appeal deadline that notification started.
 */
export async function notificationRecorder(tx: Tx, firmId: string, caseId: string): Promise<string | null> {
  const event = await tx.caseEvent.findFirst({
    where: { caseId, firmId, type: 'TRANSITION', transition: 'REFUSAL_NOTIFIED' },
    orderBy: { occurredAt: 'desc' },
    select: { actorId: true },
  });
  return event?.actorId ?? null;
}
