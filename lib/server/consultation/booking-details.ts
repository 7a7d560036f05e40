import type { Tx } from '@/lib/db';
import { isPublicLocale, type PublicLocale } from '@/lib/i18n/public-locales';

// Everything the booking's emails, invitation and pages say about it, read in one query scoped by firm.

const select = {
  id: true,
  firmId: true,
  name: true,
  email: true,
  phone: true,
  language: true,
  sequence: true,
  cancelledAt: true,
  slot: {
    select: {
      id: true, startsAt: true, durationMinutes: true, priceCents: true, mode: true, location: true,
      advisor: { select: { id: true, name: true, email: true, locale: true } },
    },
  },
  firm: { select: { name: true, slug: true } },
} as const;

export async function loadBookingDetails(tx: Tx, { firmId, bookingId }: { firmId: string; bookingId: string }) {
  const booking = await tx.consultationBooking.findFirst({ where: { id: bookingId, firmId }, select });
  return booking && { ...booking, language: bookingLanguage(booking.language) };
}

export type BookingDetails = NonNullable<Awaited<ReturnType<typeof loadBookingDetails>>>;

/** The stored language, or English for a row written before the four were enforced. */
export function bookingLanguage(value: string): PublicLocale {
  return isPublicLocale(value) ? value : 'en';
}

export const advisorName = (advisor: { name: string | null; email: string }) => advisor.name?.trim() || advisor.email;
