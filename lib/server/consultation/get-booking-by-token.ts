import { hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { bookingLanguage } from './booking-details';

/**
 * The booking behind an emailed manage link, for its public page: only what the person gave or was told, and
 * null for an unknown or cancelled link (the page then says "not valid" and reveals nothing more).
 */
export async function getBookingByToken({ token, now = new Date() }: { token: string; now?: Date }) {
  if (token.length < 20 || token.length > 200) return null;
  const booking = await getDb().consultationBooking.findFirst({
    where: { tokenHash: hashToken(token), cancelledAt: null },
    select: {
      id: true, name: true, phone: true, language: true,
      slot: { select: { id: true, startsAt: true, durationMinutes: true, priceCents: true, mode: true, location: true, advisor: { select: { name: true } } } },
      firm: { select: { name: true, slug: true } },
    },
  });
  if (!booking) return null;
  const { slot } = booking;
  return {
    name: booking.name,
    phone: booking.phone,
    language: bookingLanguage(booking.language),
    firmName: booking.firm.name,
    firmSlug: booking.firm.slug,
    slotId: slot.id,
    startsAt: slot.startsAt,
    durationMinutes: slot.durationMinutes,
    priceCents: slot.priceCents,
    mode: slot.mode,
    location: slot.location,
    // A public page: the advisor's name, never their address.
    advisorName: slot.advisor.name?.trim() || booking.firm.name,
    /** a consultation that has begun can no longer be cancelled or moved here */
    started: slot.startsAt <= now,
  };
}
