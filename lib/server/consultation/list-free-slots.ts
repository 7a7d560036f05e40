import { getDb } from '@/lib/db';

/**
 * The consultation times a firm still offers, soonest first, for its public page: future, not withdrawn, and
 * without a live booking. Nothing about who booked the others.
 */
export async function listFreeSlots({ firmSlug, now = new Date(), limit = 200 }: { firmSlug: string; now?: Date; limit?: number }) {
  return getDb().consultationSlot.findMany({
    where: {
      firm: { slug: firmSlug }, withdrawnAt: null, startsAt: { gt: now }, bookings: { none: { cancelledAt: null } },
      // A departed advisor's times are no longer offered (reserveSlot refuses them too).
      advisor: { memberships: { some: { firm: { slug: firmSlug }, deactivatedAt: null } } },
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, startsAt: true, durationMinutes: true, priceCents: true, mode: true, advisor: { select: { name: true } } },
  });
}
