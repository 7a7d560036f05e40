import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZCancelBooking } from './consultation-schemas';

/** Cancels a booking by the token of its emailed link; the slot is free for someone else at once. */
export async function cancelBooking({ input, context }: { input: unknown; context: RequestContext }) {
  const { token } = parseInput(ZCancelBooking, input);
  return getDb().$transaction(async (tx) => {
    const [cancelled] = await tx.$queryRaw<{ id: string; firmId: string; slotId: string }[]>`
      UPDATE "ConsultationBooking" SET "cancelledAt" = now()
      WHERE "tokenHash" = ${hashToken(token)} AND "cancelledAt" IS NULL
      RETURNING "id", "firmId", "slotId"`;
    if (!cancelled) throw new AppError('NOT_FOUND', { message: 'no live booking for this link', userMessage: 'consultations.bookingGone' });
    await recordAudit(tx, { firmId: cancelled.firmId, actor: { kind: 'anonymous' }, action: 'consultation.booking_cancelled', entity: 'consultation', entityId: cancelled.id, after: { slotId: cancelled.slotId }, context });
    return { bookingId: cancelled.id, slotId: cancelled.slotId };
  });
}
