import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { pointsFor } from '@/lib/rules/legal-aid-points';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZAddLegalAidEntry } from './legal-aid-schemas';

/**
 * Enters one service on a designated case. Its points come from the list in force on the day it was performed and
 * are stored with the list's id, so a later list never changes what this file earned.
 */
export async function addLegalAidEntry({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.manage');
  const { caseId, performedOn, itemCode, quantity, note } = parseInput(ZAddLegalAidEntry, input);
  return getDb().$transaction(async (tx) => {
    const designation = await tx.legalAidDesignation.findFirst({ where: { caseId, firmId: actor.firmId, case: { deletedAt: null } }, select: { id: true, closedOn: true } });
    if (!designation) throw new AppError('NOT_FOUND');
    // The report went to the office at closing: what it totalled must stay what the file holds.
    if (designation.closedOn) throw new AppError('CONFLICT', { message: 'legal aid closed', userMessage: 'legalAid.errors.closed' });
    const points = pointsFor(itemCode, quantity, performedOn);
    if (!points) {
      throw new AppError('VALIDATION', { message: `${itemCode} not in the point list on ${performedOn}`, userMessage: 'legalAid.errors.codeNotInList', details: { fieldErrors: { itemCode: ['codeNotInList'] } } });
    }
    const entry = await tx.legalAidEntry.create({
      data: { firmId: actor.firmId, caseId, designationId: designation.id, performedOn: toDbDate(performedOn), itemCode, quantity, note: note ?? null, enteredById: actor.userId, ...points },
      select: { id: true },
    });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.entry_added', entity: 'legal_aid', entityId: entry.id, context,
      after: { caseId, performedOn, itemCode, quantity, ...points, note: note ?? null },
    });
    return { id: entry.id, caseId, ...points };
  });
}
