import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { ZRemoveLegalAidEntry } from './legal-aid-schemas';

/** Takes a service off an open legal-aid file: the row stays with deletedAt set, as notes do, and leaves the totals. */
export async function removeLegalAidEntry({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.delete');
  const { entryId } = parseInput(ZRemoveLegalAidEntry, input);
  return getDb().$transaction(async (tx) => {
    const entry = await tx.legalAidEntry.findFirst({
      where: { id: entryId, firmId: actor.firmId, deletedAt: null, case: { deletedAt: null } },
      select: { id: true, caseId: true, itemCode: true, pointListId: true, pointsHundredths: true, performedOn: true, designation: { select: { closedOn: true } } },
    });
    if (!entry) throw new AppError('NOT_FOUND');
    if (entry.designation.closedOn) throw new AppError('CONFLICT', { message: 'legal aid closed', userMessage: 'legalAid.errors.closed' });
    await tx.legalAidEntry.update({ where: { id: entry.id, firmId: actor.firmId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.entry_removed', entity: 'legal_aid', entityId: entry.id, context,
      before: { caseId: entry.caseId, performedOn: fromDbDate(entry.performedOn), itemCode: entry.itemCode, pointListId: entry.pointListId, pointsHundredths: entry.pointsHundredths },
    });
    return { id: entry.id, caseId: entry.caseId };
  });
}
