import { TZDate } from '@date-fns/tz';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { applyCaseTransition } from '@/lib/server/case/apply-case-transition';
import { parseInput } from '@/lib/server/validate';
import { ZRecordSubmission } from './appeal-schemas';
import { currentFiling, findAppealCase } from './find-appeal-case';

/** "2026-12-03T23:41" read on the J-Box confirmation, as the instant it is in Brussels. */
function brusselsInstant(local: string): Date {
  const [date, time] = local.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 'Europe/Brussels').getTime());
}

/**
 * The advisor filed through J-Box: the date and time and the receipt are kept on the filing, and the case
 * moves to "appeal filed" with the Brussels date of the submission (the date that counts for the deadline).
 * A submission dated in the future is refused by the stage machine.
 */
export async function recordJboxSubmission({ actor, input, context, asOf = brusselsDate() }: { actor: StaffActor; input: unknown; context: RequestContext; asOf?: string }) {
  assertCan(actor, 'appeal.file');
  const { caseId, version, submittedAt, receipt } = parseInput(ZRecordSubmission, input);
  const instant = brusselsInstant(submittedAt);
  if (Number.isNaN(instant.getTime())) throw new AppError('VALIDATION', { message: 'bad submission time', details: { fieldErrors: { submittedAt: ['badDateTime'] } } });
  if (instant.getTime() > Date.now() + 60_000) throw new AppError('VALIDATION', { message: 'submission in the future', userMessage: 'reason.DATE_IN_FUTURE', details: { fieldErrors: { submittedAt: ['DATE_IN_FUTURE'] } } });
  return getDb().$transaction(async (tx) => {
    await findAppealCase(tx, actor, caseId);
    const filing = await currentFiling(tx, actor.firmId, caseId);
    if (!filing) throw new AppError('VALIDATION', { message: 'no filing prepared', userMessage: 'appeals.submit.noFiling' });
    const moved = await applyCaseTransition(tx, { actor, context, asOf, input: { caseId, version, transition: 'FILE_APPEAL', facts: { filedOn: brusselsDate(instant) }, origin: { appealFilingId: filing.id, via: 'J-Box' } } });
    await tx.appealFiling.update({ where: { id: filing.id, firmId: actor.firmId }, data: { submittedAt: instant, jboxReceipt: receipt, submittedById: actor.userId } });
    await recordAudit(tx, { firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'appeal.submitted', entity: 'appeal', entityId: filing.id, context, after: { caseId, submittedAt: instant.toISOString(), receipt, packetBuilt: Boolean(filing.packetStorageKey) } });
    return { filingId: filing.id, stage: moved.stage, version: moved.version };
  });
}
