import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZBookSlot } from './consultation-schemas';
import { isSlotTaken, reserveSlot } from './reserve-slot';

/**
 * A person books a free consultation slot of a firm, without an intake (the public page books through
 * submitIntake, which keeps the inquiry with it). Never a double booking: see reserveSlot. Returns the token of
 * the emailed cancel/move link.
 */
export async function bookSlot({ input, context, now = new Date() }: { input: unknown; context: RequestContext; now?: Date }) {
  const data = parseInput(ZBookSlot, input);
  const db = getDb();
  const firm = await db.firm.findFirst({ where: { slug: data.firmSlug }, select: { id: true } });
  if (!firm) throw new AppError('NOT_FOUND', { message: 'no such firm', userMessage: 'consultations.slotGone' });
  try {
    const booked = await db.$transaction((tx) =>
      reserveSlot(tx, { firmId: firm.id, slotId: data.slotId, person: { name: data.name, email: data.email, phone: data.phone ?? null, language: data.language }, context, now, goneMessage: 'consultations.slotGone' }),
    );
    return { bookingId: booked.bookingId, token: booked.token };
  } catch (error) {
    if (isSlotTaken(error)) throw new AppError('CONFLICT', { message: 'slot already booked', userMessage: 'consultations.slotTaken' });
    throw error;
  }
}
