import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZSetLegalAidDesignation } from './legal-aid-schemas';

/**
 * Records (or corrects) the BJB/BAJ's designation of a lawyer of the firm on a live case: the office designates a
 * lawyer, not an assistant, so only an active advisor or admin of the firm can be named.
 */
export async function setLegalAidDesignation({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.manage');
  const { caseId, designatedOn, designationNumber, bar, lawyerId, clientContributionCents } = parseInput(ZSetLegalAidDesignation, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    const lawyer = await tx.membership.findFirst({ where: { firmId: actor.firmId, userId: lawyerId, deactivatedAt: null, role: { in: ['ADVISOR', 'ADMIN'] } }, select: { id: true } });
    if (!lawyer) throw new AppError('VALIDATION', { message: 'lawyer not an advisor of the firm', details: { fieldErrors: { lawyerId: ['lawyer'] } } });
    const before = await tx.legalAidDesignation.findFirst({
      where: { caseId, firmId: actor.firmId },
      select: { id: true, designatedOn: true, designationNumber: true, bar: true, lawyerId: true, clientContributionCents: true },
    });
    const data = { designatedOn: toDbDate(designatedOn), designationNumber, bar, lawyerId, clientContributionCents };
    const row = before
      ? await tx.legalAidDesignation.update({ where: { id: before.id, firmId: actor.firmId }, data, select: { id: true } })
      : await tx.legalAidDesignation.create({ data: { ...data, firmId: actor.firmId, caseId }, select: { id: true } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.designation_set', entity: 'legal_aid', entityId: row.id, context,
      before: before ? { caseId, designatedOn: fromDbDate(before.designatedOn), designationNumber: before.designationNumber, bar: before.bar, lawyerId: before.lawyerId, clientContributionCents: before.clientContributionCents } : null,
      after: { caseId, designatedOn, designationNumber, bar, lawyerId, clientContributionCents },
    });
    return { id: row.id, caseId };
  });
}
