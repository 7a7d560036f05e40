import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { compareDates } from '@/lib/rules/plain-date';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZCloseLegalAid } from './legal-aid-schemas';

/** The lawyer reports the file closed to the office: from then on its entries are fixed. */
export async function closeLegalAid({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.report');
  const { caseId, closedOn } = parseInput(ZCloseLegalAid, input);
  return getDb().$transaction(async (tx) => {
    const designation = await tx.legalAidDesignation.findFirst({ where: { caseId, firmId: actor.firmId, case: { deletedAt: null } }, select: { id: true, designatedOn: true, closedOn: true } });
    if (!designation) throw new AppError('NOT_FOUND');
    if (designation.closedOn) throw new AppError('CONFLICT', { message: 'legal aid already closed', userMessage: 'legalAid.errors.closed' });
    if (compareDates(closedOn, fromDbDate(designation.designatedOn)) < 0) {
      throw new AppError('VALIDATION', { message: 'closed before designated', userMessage: 'legalAid.errors.closedBeforeDesignation', details: { fieldErrors: { closedOn: ['closedBeforeDesignation'] } } });
    }
    await tx.legalAidDesignation.update({ where: { id: designation.id, firmId: actor.firmId }, data: { closedOn: toDbDate(closedOn) } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.closed', entity: 'legal_aid', entityId: designation.id, context,
      after: { caseId, closedOn },
    });
    return { id: designation.id, caseId };
  });
}
