import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { loadBookingDetails } from './booking-details';
import { enqueueAdvisorNotice } from './booking-emails';
import { ZCancelBooking } from './consultation-schemas';

/**
 * Cancels a booking by the token of its emailed link; the slot is free for someone else at once, and the advisor
 * is told. The refusal's message is in the public `booking` catalogue: the page that shows it may be in German.
 */
export async function cancelBooking({ input, context, now = new Date() }: { input: unknown; context: RequestContext; now?: Date }) {
  const { token } = parseInput(ZCancelBooking, input);
  return getDb().$transaction(async (tx) => {
    const [cancelled] = await tx.$queryRaw<{ id: string; firmId: string; slotId: string }[]>`
      UPDATE "ConsultationBooking" SET "cancelledAt" = now()
      WHERE "tokenHash" = ${hashToken(token)} AND "cancelledAt" IS NULL
        -- A consultation that has begun (or taken place) is no longer cancelled by the link.
        AND "slotId" IN (SELECT "id" FROM "ConsultationSlot" WHERE "startsAt" > ${now})
      RETURNING "id", "firmId", "slotId"`;
    if (!cancelled) throw new AppError('NOT_FOUND', { message: 'no live booking for this link', userMessage: 'booking.errors.bookingGone' });
    await recordAudit(tx, { firmId: cancelled.firmId, actor: { kind: 'anonymous' }, action: 'consultation.booking_cancelled', entity: 'consultation', entityId: cancelled.id, after: { slotId: cancelled.slotId }, context });
    const details = await loadBookingDetails(tx, { firmId: cancelled.firmId, bookingId: cancelled.id });
    if (details) await enqueueAdvisorNotice(tx, details, 'cancelled');
    return { bookingId: cancelled.id, slotId: cancelled.slotId };
  });
}
