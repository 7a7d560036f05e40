import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { loadBookingDetails } from './booking-details';
import { enqueueAdvisorNotice } from './booking-emails';
import { ZRescheduleBooking } from './consultation-schemas';
import { enqueueBookingConfirmation } from './enqueue-booking-confirmation';

const gone = (message: string) => new AppError('NOT_FOUND', { message, userMessage: 'booking.errors.bookingGone' });
const slotGone = (message: string) => new AppError('NOT_FOUND', { message, userMessage: 'booking.errors.slotGone' });

/**
 * Moves a booking, by the token of its emailed link, to another free future slot of the same firm, in one
 * transaction: the old slot is free again the moment the new one is held. Someone booking the new slot at the
 * same moment meets the partial unique index on live bookings: one of the two gets it, the other a clear
 * refusal, and nothing changes for them. The move raises the invitation's SEQUENCE (calendar apps replace the
 * event), re-arms the reminder for the new day, sends a new confirmation and tells the advisor(s).
 * Refusals are keys of the public `booking` catalogue (the page may be in German).
 */
export async function rescheduleBooking({ input, context, now = new Date() }: { input: unknown; context: RequestContext; now?: Date }) {
  const { token, slotId } = parseInput(ZRescheduleBooking, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const booking = await tx.consultationBooking.findFirst({
        where: { tokenHash: hashToken(token), cancelledAt: null, slot: { startsAt: { gt: now } } },
        select: { id: true, firmId: true, slotId: true, slot: { select: { advisorId: true } } },
      });
      if (!booking) throw gone('no live future booking for this link');
      if (booking.slotId === slotId) throw slotGone('already booked on this slot');
      // FOR SHARE: a withdrawal of the target slot waits for this move and then cancels the moved booking with it,
      // instead of the move landing on a slot that was just taken off the page.
      const [target] = await tx.$queryRaw<{ id: string; advisorId: string }[]>`
        SELECT "id", "advisorId" FROM "ConsultationSlot"
        WHERE "id" = ${slotId} AND "firmId" = ${booking.firmId} AND "withdrawnAt" IS NULL AND "startsAt" > ${now}
        FOR SHARE`;
      if (!target) throw slotGone(`no open slot ${slotId} in the booking's firm`);
      const before = await loadBookingDetails(tx, { firmId: booking.firmId, bookingId: booking.id });
      const moved = await tx.consultationBooking.updateMany({
        where: { id: booking.id, firmId: booking.firmId, slotId: booking.slotId, cancelledAt: null },
        data: { slotId: target.id, sequence: { increment: 1 }, reminderSentAt: null },
      });
      if (moved.count !== 1) throw gone('booking cancelled or moved meanwhile');
      await recordAudit(tx, {
        firmId: booking.firmId, actor: { kind: 'anonymous' }, action: 'consultation.booking_rescheduled', entity: 'consultation', entityId: booking.id, context,
        before: { slotId: booking.slotId }, after: { slotId: target.id },
      });
      const sameAdvisor = target.advisorId === booking.slot.advisorId;
      await enqueueBookingConfirmation(tx, { firmId: booking.firmId, bookingId: booking.id, token, advisorNotice: sameAdvisor ? 'moved' : 'booked' });
      // The advisor whose time it was learns that it is free again.
      if (!sameAdvisor && before) await enqueueAdvisorNotice(tx, before, 'cancelled');
      return { bookingId: booking.id, slotId: target.id, previousSlotId: booking.slotId };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', { message: 'target slot booked meanwhile', userMessage: 'booking.errors.slotTaken' });
    throw error;
  }
}
