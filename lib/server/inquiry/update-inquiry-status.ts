import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { InquiryStatus } from '@/lib/generated/prisma/enums';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZUpdateInquiryStatus } from './inquiry-schemas';

// The moves staff make by hand. A converted inquiry is someone's client now: it stays converted.
const FROM: Record<'NEW' | 'CONTACTED' | 'DECLINED', InquiryStatus[]> = {
  CONTACTED: ['NEW', 'BOOKED'],
  DECLINED: ['NEW', 'CONTACTED', 'BOOKED'],
  // Reopened: declined by mistake, or the person wrote back.
  NEW: ['DECLINED'],
};

/** Marks an inquiry of the firm contacted, declined, or open again; the status guard is in the write itself. */
export async function updateInquiryStatus({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'inquiry.update');
  const { inquiryId, status } = parseInput(ZUpdateInquiryStatus, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.inquiry.findFirst({ where: { id: inquiryId, firmId: actor.firmId }, select: { id: true, status: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const { count } = await tx.inquiry.updateMany({ where: { id: before.id, firmId: actor.firmId, status: { in: FROM[status] } }, data: { status } });
    if (count !== 1) throw new AppError('CONFLICT', { message: `inquiry ${before.status} cannot become ${status}`, userMessage: 'inquiries.status.notAllowed' });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'inquiry.status_changed', entity: 'inquiry', entityId: before.id, context,
      before: { status: before.status }, after: { status },
    });
    return { id: before.id, status };
  });
}
