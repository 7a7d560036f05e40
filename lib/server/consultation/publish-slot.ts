import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZPublishSlot } from './consultation-schemas';

/**
 * Offers one consultation time on the firm's public page. Advisors publish their own times; an admin may publish
 * for any active advisor or admin of the firm (a secretary's calendar for the whole office).
 */
export async function publishSlot({ actor, input, context, now = new Date() }: { actor: StaffActor; input: unknown; context: RequestContext; now?: Date }) {
  assertCan(actor, 'consultation.manage');
  const data = parseInput(ZPublishSlot, input);
  if (data.startsAt <= now) throw new AppError('VALIDATION', { message: 'slot in the past', details: { fieldErrors: { startsAt: ['startsAtPast'] } } });
  if (data.advisorId !== actor.userId && actor.role !== 'ADMIN') throw new AppError('FORBIDDEN', { message: 'advisors publish their own slots', userMessage: 'forbidden' });
  return getDb().$transaction(async (tx) => {
    const advisor = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: data.advisorId, deactivatedAt: null, role: { in: ['ADMIN', 'ADVISOR'] } }, select: { userId: true } });
    if (!advisor) throw new AppError('NOT_FOUND', { message: `no advisor ${data.advisorId} in firm` });
    const slot = await tx.consultationSlot.create({
      data: { firmId: actor.firmId, advisorId: advisor.userId, startsAt: data.startsAt, durationMinutes: data.durationMinutes, priceCents: data.priceCents, mode: data.mode, location: data.location ?? null },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'consultation.slot_published', entity: 'consultation', entityId: slot.id, context,
      after: { advisorId: slot.advisorId, startsAt: slot.startsAt.toISOString(), durationMinutes: slot.durationMinutes, priceCents: slot.priceCents, mode: slot.mode },
    });
    return { slotId: slot.id };
  });
}
