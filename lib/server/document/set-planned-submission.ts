import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { fromDbDate, isPlainDateString, toDbDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { typedDateToPlain } from '@/lib/rules/typed-date';

export const ZSetPlannedSubmission = z.object({
  caseId: z.string().min(1).max(64),
  plannedSubmissionOn: z.preprocess((v) => (v === '' || v === undefined ? null : typedDateToPlain(v)), z.string().refine(isPlainDateString, 'invalidDate').nullable()),
});

/** The day the file is to be handed in: certificate ages and passport validity are judged on it. */
export async function setPlannedSubmission({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'case.update');
  const { caseId, plannedSubmissionOn } = parseInput(ZSetPlannedSubmission, input);
  return getDb().$transaction(async (tx) => {
    const kase = await tx.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { plannedSubmissionOn: true } });
    if (!kase) throw new AppError('NOT_FOUND');
    await tx.case.update({ where: { id: caseId, firmId: actor.firmId }, data: { plannedSubmissionOn: plannedSubmissionOn ? toDbDate(plannedSubmissionOn) : null } });
    await recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'case.updated', entity: 'case', entityId: caseId, context,
      before: { plannedSubmissionOn: kase.plannedSubmissionOn ? fromDbDate(kase.plannedSubmissionOn) : null }, after: { plannedSubmissionOn },
    });
    return { plannedSubmissionOn };
  });
}
