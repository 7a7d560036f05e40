import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { publishSlot } from '@/lib/server/consultation/publish-slot';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation } from './walk-types';

// Publishing a consultation slot: the row of the OPERATIONS table in permissions.test.ts, which spreads it in.
// Booking and cancelling are public (the firm's page, an emailed link): consultation-booking.test.ts attacks them.

const db = getDb();

export const CONSULTATION_OPERATIONS: WalkOperation[] = [
  {
    name: 'publishSlot',
    file: 'lib/server/consultation/publish-slot.ts',
    action: 'consultation.manage',
    run: (w, role) => {
      const actor = walkActor(w, role);
      const startsAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 3, 10)).toISOString();
      return publishSlot({ actor, input: { advisorId: actor.userId, startsAt, durationMinutes: '30', priceCents: '2900', mode: 'PHONE' }, context: newContext() });
    },
    allowed: async (w, role, result) => {
      const { slotId } = result as Awaited<ReturnType<typeof publishSlot>>;
      expect(await db.consultationSlot.findUniqueOrThrow({ where: { id: slotId } })).toMatchObject({ firmId: w.firm.id, advisorId: walkActor(w, role).userId, mode: 'PHONE' });
      expect((await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action)).toEqual(['client.created', 'consultation.slot_published']);
    },
  },
];
