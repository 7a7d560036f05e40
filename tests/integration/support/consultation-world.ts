import { brusselsMidnight } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { bookSlot } from '@/lib/server/consultation/book-slot';
import { publishSlot } from '@/lib/server/consultation/publish-slot';
import { newContext, unique, type StaffMember } from './fixtures';

// Consultation tests' world: a firm, its advisors' slots on fixed days far ahead (so "tomorrow" and "now" are
// parameters, never the clock), and people booking them.

const MINUTE = 60_000;

/** That hour in Brussels on the given day, summer or winter. */
export const brusselsAt = (day: string, hour: number, minute = 0) => new Date(brusselsMidnight(day).getTime() + (hour * 60 + minute) * MINUTE);

/** The clock of these tests: 08:00 in Brussels on 10 March 2031. */
export const NOW = brusselsAt('2031-03-10', 8);

export type SlotOptions = { startsAt?: Date; mode?: 'IN_PERSON' | 'PHONE' | 'VIDEO'; location?: string; durationMinutes?: number; priceCents?: number };

export async function publish(member: StaffMember, options: SlotOptions = {}) {
  const mode = options.mode ?? 'VIDEO';
  const location = options.location ?? (mode === 'VIDEO' ? 'https://meet.example.test/room-1' : mode === 'IN_PERSON' ? 'Rue de la Loi 16, 1000 Bruxelles' : undefined);
  const { slotId } = await publishSlot({
    actor: member.actor,
    input: { advisorId: member.user.id, startsAt: (options.startsAt ?? brusselsAt('2031-03-12', 10)).toISOString(), durationMinutes: String(options.durationMinutes ?? 45), priceCents: String(options.priceCents ?? 6000), mode, ...(location ? { location } : {}) },
    context: newContext(),
    now: NOW,
  });
  return slotId;
}

export const personEmail = (label: string) => `${label.toLowerCase().replace(/\W+/g, '.')}-${unique()}@people.example.test`;

export async function book(firmSlug: string, slotId: string, person: { name: string; language: 'en' | 'nl' | 'fr' | 'de'; email?: string; phone?: string }) {
  const email = person.email ?? personEmail(person.name);
  const result = await bookSlot({ input: { firmSlug, slotId, name: person.name, email, language: person.language, ...(person.phone ? { phone: person.phone } : {}) }, context: newContext(), now: NOW });
  return { ...result, email };
}

/** The live booking on a slot, or null. */
export const liveBookingOn = (slotId: string) => getDb().consultationBooking.findFirst({ where: { slotId, cancelledAt: null } });
