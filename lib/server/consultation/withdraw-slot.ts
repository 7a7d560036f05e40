import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { loadBookingDetails } from './booking-details';
import { firmPageUrl, invitationAttachment, personFacts } from './booking-emails';
import { ZWithdrawSlot } from './consultation-schemas';

/**
 * Takes a future slot off the firm's page. An advisor withdraws their own times, an admin anyone's. A booked slot
 * loses its booking in the same transaction, and the person is told in their language, with a calendar
 * cancellation for the invitation they had and a link to the firm's page to choose another time.
 */
export async function withdrawSlot({ actor, input, context, now = new Date() }: { actor: StaffActor; input: unknown; context: RequestContext; now?: Date }) {
  assertCan(actor, 'consultation.manage');
  const { slotId } = parseInput(ZWithdrawSlot, input);
  return getDb().$transaction(async (tx) => {
    const slot = await tx.consultationSlot.findFirst({ where: { id: slotId, firmId: actor.firmId, withdrawnAt: null }, select: { id: true, advisorId: true, startsAt: true } });
    if (!slot) throw new AppError('NOT_FOUND', { message: `no open slot ${slotId} in firm` });
    if (slot.advisorId !== actor.userId && actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', { message: 'advisors withdraw their own slots', userMessage: 'forbidden' });
    if (slot.startsAt <= now) throw new AppError('CONFLICT', { message: 'slot already started', userMessage: 'consultations.slotStarted' });
    // The same conditions again in the write: a concurrent withdrawal leaves nothing for this one to do.
    const withdrawn = await tx.consultationSlot.updateMany({ where: { id: slot.id, firmId: actor.firmId, withdrawnAt: null }, data: { withdrawnAt: now } });
    if (withdrawn.count !== 1) throw new AppError('NOT_FOUND', { message: `slot ${slotId} withdrawn meanwhile` });
    const [booking] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "ConsultationBooking" SET "cancelledAt" = ${now}, "sequence" = "sequence" + 1
      WHERE "slotId" = ${slot.id} AND "firmId" = ${actor.firmId} AND "cancelledAt" IS NULL
      RETURNING "id"`;
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'consultation.slot_withdrawn', entity: 'consultation', entityId: slot.id, context,
      after: { advisorId: slot.advisorId, startsAt: slot.startsAt.toISOString(), cancelledBookingId: booking?.id ?? null },
    });
    const details = booking ? await loadBookingDetails(tx, { firmId: actor.firmId, bookingId: booking.id }) : null;
    if (details) {
      await enqueueEmail(tx, {
        key: `booking-withdrawn:${details.id}`,
        firmId: actor.firmId,
        template: 'booking-withdrawn',
        locale: details.language,
        to: details.email,
        responsibleUserId: slot.advisorId,
        props: { ...personFacts(details), firmPageUrl: firmPageUrl(details.firm.slug) },
        attachments: [invitationAttachment(details, 'CANCEL', null)],
      });
    }
    return { slotId: slot.id, cancelledBookingId: booking?.id ?? null };
  });
}
