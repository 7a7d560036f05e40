import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { loadBookingDetails } from './booking-details';
import { enqueueAdvisorNotice, invitationAttachment, manageUrl, personFacts, type NoticeKind } from './booking-emails';

/**
 * Queues, in the caller's transaction, the confirmation to the person who booked (their language, with the .ics
 * invitation and the link to cancel or move) and the notice to the advisor. Called by bookSlot, by the public
 * intake when a slot is chosen, and by rescheduleBooking (a higher SEQUENCE: "moved"). The token is the one the
 * caller just made or was given; only its hash is stored, so the email is the only place it is written down.
 */
export async function enqueueBookingConfirmation(tx: Tx, { firmId, bookingId, token, advisorNotice = 'booked' }: { firmId: string; bookingId: string; token: string; advisorNotice?: NoticeKind | false }) {
  const booking = await loadBookingDetails(tx, { firmId, bookingId });
  if (!booking || booking.cancelledAt) throw new AppError('NOT_FOUND', { message: `no live booking ${bookingId} in firm` });
  const link = manageUrl(token);
  const email = await enqueueEmail(tx, {
    key: `booking-confirmation:${booking.id}:${booking.sequence}`,
    firmId,
    template: 'booking-confirmation',
    locale: booking.language,
    to: booking.email,
    responsibleUserId: booking.slot.advisor.id,
    props: { ...personFacts(booking), manageUrl: link, moved: booking.sequence > 0 },
    attachments: [invitationAttachment(booking, 'REQUEST', link)],
  });
  if (advisorNotice) await enqueueAdvisorNotice(tx, booking, advisorNotice);
  return { outboxId: email.id };
}
