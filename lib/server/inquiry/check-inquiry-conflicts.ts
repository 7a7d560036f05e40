import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { findConflicts } from './find-conflicts';
import { ZInquiryId } from './inquiry-schemas';

/**
 * Runs the conflict check of an inquiry (find-conflicts.ts says what it looks for) and records the result on
 * it: outcome, matches, who and when. Checked with inquiry.update, not inquiry.read: it writes on the inquiry,
 * and it is part of working one (every member may), before anyone decides to convert it (inquiry.convert).
 */
export async function checkInquiryConflicts({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'inquiry.update');
  const { inquiryId } = parseInput(ZInquiryId, input);
  return getDb().$transaction(async (tx) => {
    const inquiry = await tx.inquiry.findFirst({
      where: { id: inquiryId, firmId: actor.firmId },
      select: { id: true, status: true, firstName: true, lastName: true, birthDate: true, nationalRegisterNumberHash: true },
    });
    if (!inquiry) throw new AppError('NOT_FOUND');
    if (inquiry.status === 'CONVERTED') throw new AppError('CONFLICT', { message: 'inquiry already converted', userMessage: 'inquiries.convert.already' });
    const matches = await findConflicts(tx, actor.firmId, inquiry);
    const outcome = matches.length ? 'POSSIBLE' : 'CLEAR';
    const checkedAt = new Date();
    await tx.inquiry.update({
      where: { id: inquiry.id, firmId: actor.firmId },
      data: { conflictOutcome: outcome, conflictMatches: matches, conflictCheckedAt: checkedAt, conflictCheckedById: actor.userId },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'inquiry.conflict_checked', entity: 'inquiry', entityId: inquiry.id, context,
      // What was found, by kind and id: the names stay on the inquiry, not in the log.
      after: { outcome, matches: matches.map(({ kind, id, reasons }) => ({ kind, id, reasons })) },
    });
    return { outcome, matches, checkedAt } as const;
  });
}
