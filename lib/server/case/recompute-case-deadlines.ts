import { brusselsDate } from '@/lib/dates';
import type { Tx } from '@/lib/db';
import type { CaseStage } from '@/lib/generated/prisma/enums';
import { deadlineRowsFor } from '@/lib/server/deadline/deadline-rows';
import { refreshNextDeadline } from '@/lib/server/deadline/refresh-next-deadline';
import { firmRulesSettings, rulesFacts, type StoredFacts } from './case-facts';

export type DeadlineChange = { key: string; kind: string; before: string | null; after: string | null };

/**
 * Recomputes a case's legal deadlines from its facts, in the caller's transaction. Rows keep their identity
 * (case + key) across recomputations so reminders attached to them follow the new date; a deadline the
 * facts no longer give rise to is marked SUPERSEDED, never deleted. Returns what moved, for the timeline.
 */
export async function recomputeCaseDeadlines(
  tx: Tx,
  kase: { id: string; firmId: string; stage: CaseStage; facts: StoredFacts; client: { citizenship: 'EU' | 'NON_EU'; birthDate: Date | null } },
  asOf: string = brusselsDate(),
): Promise<DeadlineChange[]> {
  const settings = await firmRulesSettings(tx, kase.firmId);
  const rows = deadlineRowsFor(rulesFacts(kase.facts, kase.client), kase.stage, asOf, settings);
  const existing = await tx.deadline.findMany({ where: { caseId: kase.id, firmId: kase.firmId, source: 'COMPUTED' } });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const changes: DeadlineChange[] = [];
  const day = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;

  for (const row of rows) {
    const current = byKey.get(row.key);
    byKey.delete(row.key);
    // Someone ticked it off by hand and the date did not move: it stays done.
    const keptDone = current?.completedAt && day(current.dueOn) === day(row.dueOn);
    const status = keptDone ? 'DONE' : row.status;
    if (!current) {
      await tx.deadline.create({ data: { ...row, firmId: kase.firmId, caseId: kase.id } });
      changes.push({ key: row.key, kind: row.kind, before: null, after: day(row.dueOn) });
    } else if (day(current.dueOn) !== day(row.dueOn) || day(current.opensOn) !== day(row.opensOn) || current.status !== status || current.basis !== row.basis) {
      await tx.deadline.update({
        where: { id: current.id, firmId: kase.firmId },
        // A deadline that opens again (its date moved) forgets the earlier tick, or the next save would restore it.
        data: { dueOn: row.dueOn, opensOn: row.opensOn, basis: row.basis, confidence: row.confidence, disputed: row.disputed, status, ...(status === 'OPEN' ? { completedAt: null, completedById: null } : {}),
          // A second person's check was of the old date: a moved date needs checking again.
          ...(day(current.dueOn) !== day(row.dueOn) ? { confirmedAt: null, confirmedById: null } : {}) },
      });
      if (day(current.dueOn) !== day(row.dueOn) || current.status === 'SUPERSEDED') changes.push({ key: row.key, kind: row.kind, before: day(current.dueOn), after: day(row.dueOn) });
    }
  }
  for (const gone of byKey.values()) {
    if (gone.status === 'SUPERSEDED') continue;
    await tx.deadline.update({ where: { id: gone.id, firmId: kase.firmId }, data: { status: 'SUPERSEDED' } });
    changes.push({ key: gone.key, kind: gone.kind, before: day(gone.dueOn), after: null });
  }

  await refreshNextDeadline(tx, kase.firmId, kase.id);
  return changes;
}
