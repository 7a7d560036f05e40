import { newToken, hashToken } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZBookSlot } from './consultation-schemas';
import { enqueueBookingConfirmation } from './enqueue-booking-confirmation';

/**
 * A person books a free consultation slot from the firm's public page. Two people clicking the last slot at
 * the same moment: the partial unique index on live bookings lets one insert through, and the other gets a
 * clear "just taken" refusal, never a double booking. The person gets a confirmation with the .ics invitation and
 * the cancel/move link, the advisor a notice. Returns the token of that link.
 */
export async function bookSlot({ input, context, now = new Date() }: { input: unknown; context: RequestContext; now?: Date }) {
  const data = parseInput(ZBookSlot, input);
  const db = getDb();
  const slot = await db.consultationSlot.findFirst({
    where: { id: data.slotId, firm: { slug: data.firmSlug }, withdrawnAt: null, startsAt: { gt: now } },
    select: { id: true, firmId: true },
  });
  if (!slot) throw new AppError('NOT_FOUND', { message: 'no such open slot on this firm', userMessage: 'consultations.slotGone' });
  const token = newToken();
  try {
    const booking = await db.$transaction(async (tx) => {
      const created = await tx.consultationBooking.create({
        data: { firmId: slot.firmId, slotId: slot.id, name: data.name, email: data.email, phone: data.phone ?? null, language: data.language, tokenHash: hashToken(token) },
      });
      // The person's name and email stay out of the log: they are not a client, and the booking row holds them.
      await recordAudit(tx, { firmId: slot.firmId, actor: { kind: 'anonymous' }, action: 'consultation.booked', entity: 'consultation', entityId: created.id, after: { slotId: slot.id, language: data.language }, context });
      // The confirmation (with its .ics) and the advisor's notice commit with the booking, or not at all.
      await enqueueBookingConfirmation(tx, { firmId: slot.firmId, bookingId: created.id, token });
      return created;
    });
    return { bookingId: booking.id, token };
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', { message: 'slot already booked', userMessage: 'consultations.slotTaken' });
    throw error;
  }
}
