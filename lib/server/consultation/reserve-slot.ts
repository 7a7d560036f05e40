import { newToken, hashToken } from '@/lib/auth/secrets';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { enqueueBookingConfirmation } from './enqueue-booking-confirmation';

export type BookingPerson = { name: string; email: string; phone: string | null; language: string };

/**
 * Books one open slot of the firm inside the caller's transaction: the booking row, its audit entry, and the
 * confirmation (with the .ics and the cancel/move link) and advisor's notice, which commit with it or not at all.
 * Two people taking the last slot at once: the partial unique index on live bookings lets one insert through and
 * the other's transaction fails with P2002, which the caller answers as "just taken" in its reader's catalogue.
 */
export async function reserveSlot(tx: Tx, { firmId, slotId, person, context, now, goneMessage }: {
  firmId: string;
  slotId: string;
  person: BookingPerson;
  context: RequestContext;
  now: Date;
  /** The "no longer offered" message key, in the caller's catalogue. */
  goneMessage: string;
}) {
  // FOR SHARE: an advisor withdrawing the slot meanwhile waits for this booking, and then cancels it with the slot
  // (and tells the person); without the lock the withdrawal could miss a booking not yet committed. The advisor
  // must still be a member: a departed advisor's times are not booked.
  const [slot] = await tx.$queryRaw<{ id: string; startsAt: Date; durationMinutes: number }[]>`
    SELECT s."id", s."startsAt", s."durationMinutes" FROM "ConsultationSlot" s
    WHERE s."id" = ${slotId} AND s."firmId" = ${firmId} AND s."withdrawnAt" IS NULL AND s."startsAt" > ${now}
      AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."firmId" = s."firmId" AND m."userId" = s."advisorId" AND m."deactivatedAt" IS NULL)
    FOR SHARE OF s`;
  if (!slot) throw new AppError('NOT_FOUND', { message: 'no such open slot on this firm', userMessage: goneMessage });
  const token = newToken();
  const created = await tx.consultationBooking.create({ data: { firmId, slotId: slot.id, ...person, tokenHash: hashToken(token) } });
  // The person's name and email stay out of the log: they are not a client, and the booking row holds them.
  await recordAudit(tx, { firmId, actor: { kind: 'anonymous' }, action: 'consultation.booked', entity: 'consultation', entityId: created.id, after: { slotId: slot.id, language: person.language }, context });
  await enqueueBookingConfirmation(tx, { firmId, bookingId: created.id, token });
  return { bookingId: created.id, token, startsAt: slot.startsAt, durationMinutes: slot.durationMinutes };
}

/** Prisma's unique violation: another live booking of the same slot committed first. */
export const isSlotTaken = (error: unknown) => (error as { code?: string }).code === 'P2002';
