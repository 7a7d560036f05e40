import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';

/**
 * The firm's consultation slots that have not ended and were not withdrawn, soonest first, each with its live
 * booking (who booked, how to reach them, their language) for the staff page.
 */
export async function listConsultationSlots({ actor, now = new Date(), limit = 500 }: { actor: StaffActor; now?: Date; limit?: number }) {
  assertCan(actor, 'consultation.manage');
  // A slot that began within the last four hours still shows: the consultation may be under way.
  const from = new Date(now.getTime() - 4 * 3_600_000);
  const slots = await getDb().consultationSlot.findMany({
    where: { firmId: actor.firmId, withdrawnAt: null, startsAt: { gte: from } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true, startsAt: true, durationMinutes: true, priceCents: true, mode: true, location: true,
      advisor: { select: { id: true, name: true, email: true } },
      bookings: { where: { cancelledAt: null, firmId: actor.firmId }, select: { id: true, name: true, email: true, phone: true, language: true }, take: 1 },
    },
  });
  return slots.map(({ bookings, ...slot }) => ({
    ...slot,
    booking: bookings[0] ?? null,
    // Advisors withdraw their own times only; admins anyone's (as withdrawSlot enforces).
    canWithdraw: slot.startsAt > now && (actor.role === 'ADMIN' || slot.advisor.id === actor.userId),
  }));
}
