import { expect } from 'vitest';
import { getDb } from '@/lib/db';
import { listConsultationAdvisors } from '@/lib/server/consultation/list-consultation-advisors';
import { listConsultationSlots } from '@/lib/server/consultation/list-consultation-slots';
import { publishSlot } from '@/lib/server/consultation/publish-slot';
import { withdrawSlot } from '@/lib/server/consultation/withdraw-slot';
import { newContext } from './fixtures';
import { walkActor, type WalkOperation } from './walk-types';

// Publishing, listing and withdrawing consultation slots: the rows of the OPERATIONS table in permissions.test.ts, which spreads it in.
// Booking and cancelling are public (the firm's page, an emailed link): consultation-booking.test.ts attacks them.

const db = getDb();
const nextYearAt = (month: number, day: number, hour: number) => new Date(Date.UTC(new Date().getUTCFullYear() + 1, month, day, hour));

/** A free slot of the caller's own (admins and advisors withdraw their own; assistants have none of their own). */
async function ownSlot(w: Parameters<NonNullable<WalkOperation['setup']>>[0], userId: string) {
  const slot = await db.consultationSlot.create({ data: { firmId: w.firm.id, advisorId: userId, startsAt: nextYearAt(3, 7, 9), durationMinutes: 30, priceCents: 0, mode: 'PHONE' } });
  w.refs.slot = slot.id;
}

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
  {
    name: 'withdrawSlot',
    file: 'lib/server/consultation/withdraw-slot.ts',
    action: 'consultation.manage',
    setup: (w, role) => ownSlot(w, walkActor(w, role).userId),
    run: (w, role) => withdrawSlot({ actor: walkActor(w, role), input: { slotId: w.refs.slot }, context: newContext() }),
    allowed: async (w, _role, result) => {
      expect(result).toEqual({ slotId: w.refs.slot, cancelledBookingId: null });
      expect(await db.consultationSlot.findUniqueOrThrow({ where: { id: w.refs.slot } })).toMatchObject({ withdrawnAt: expect.any(Date) });
      expect((await db.auditLog.findMany({ where: { firmId: w.firm.id }, orderBy: { id: 'asc' } })).map((row) => row.action)).toEqual(['client.created', 'consultation.slot_withdrawn']);
    },
  },
  {
    name: 'listConsultationSlots',
    file: 'lib/server/consultation/list-consultation-slots.ts',
    action: 'consultation.manage',
    setup: (w) => ownSlot(w, w.advisor.user.id),
    run: (w, role) => listConsultationSlots({ actor: walkActor(w, role) }),
    allowed: async (w, role, result) => {
      const slots = result as Awaited<ReturnType<typeof listConsultationSlots>>;
      expect(slots.map((slot) => [slot.id, slot.booking, slot.canWithdraw])).toEqual([[w.refs.slot, null, role === 'ADMIN' || role === 'ADVISOR']]);
    },
  },
  {
    name: 'listConsultationAdvisors',
    file: 'lib/server/consultation/list-consultation-advisors.ts',
    action: 'consultation.manage',
    run: (w, role) => listConsultationAdvisors({ actor: walkActor(w, role) }),
    allowed: async (w, role, result) => {
      const ids = (result as Awaited<ReturnType<typeof listConsultationAdvisors>>).map((advisor) => advisor.id).sort();
      expect(ids).toEqual(role === 'ADMIN' ? [w.admin.user.id, w.advisor.user.id].sort() : [w.advisor.user.id]);
    },
  },
];
