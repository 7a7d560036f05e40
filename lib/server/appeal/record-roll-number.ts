import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { mergeFacts, type StoredFacts } from '@/lib/server/case/case-facts';
import { claimVersion } from '@/lib/server/case/claim-version';
import { parseInput } from '@/lib/server/validate';
import { ZRecordRollNumber } from './appeal-schemas';

/** The roll number the Council gives a J-Box filing some days later: on the case (searchable) and on the filing. */
export async function recordRollNumber({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'appeal.file');
  const { caseId, version, rollNumber } = parseInput(ZRecordRollNumber, input);
  return getDb().$transaction(async (tx) => {
    const before = await claimVersion(tx, actor.firmId, caseId, version);
    if (before.stage !== 'APPEAL_FILED') throw new AppError('VALIDATION', { message: `case is ${before.stage}`, userMessage: 'appeals.roll.notFiled' });
    const filing = await tx.appealFiling.findFirst({ where: { caseId, firmId: actor.firmId, submittedAt: { not: null } }, orderBy: { submittedAt: 'desc' }, select: { id: true, rollNumber: true } });
    const facts = mergeFacts(before.facts as StoredFacts, { rvvRollNumber: rollNumber });
    const after = await tx.case.update({ where: { id: caseId, firmId: actor.firmId }, data: { facts: facts as object, rvvRollNumber: rollNumber }, select: { version: true } });
    if (filing) await tx.appealFiling.update({ where: { id: filing.id, firmId: actor.firmId }, data: { rollNumber, rollRecordedAt: new Date() } });
    await tx.caseEvent.create({ data: { firmId: actor.firmId, caseId, type: 'FACTS_CHANGED', actorId: actor.userId, visibility: 'INTERNAL', payload: { deadlines: [], rvvRollNumber: rollNumber } } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.roll_number_recorded', entity: 'appeal', entityId: filing?.id ?? caseId, context, before: { rvvRollNumber: before.rvvRollNumber }, after: { caseId, rvvRollNumber: rollNumber } });
    return { version: after.version };
  });
}
