import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Cases go to active members of the same firm only; an id from elsewhere is refused like a typo. */
export async function assertAssignable(tx: Tx, firmId: string, userId: string): Promise<void> {
  const member = await tx.membership.findFirst({ where: { firmId, userId, deactivatedAt: null }, select: { id: true } });
  if (!member) throw new AppError('VALIDATION', { message: 'assignee not in firm', details: { fieldErrors: { assignedToId: ['assignee'] } } });
}
