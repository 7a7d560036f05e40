import { brusselsDate, type PlainDate } from '@/lib/dates';
import type { CaseStage } from '@/lib/generated/prisma/enums';
import { addYears, compareDates } from '@/lib/rules/plain-date';

// Whether a client may be erased, from their cases and the firm's retention period. Pure (today is a parameter),
// so the client page's explanation and the erasure's refusal are one rule.

export type ErasureCase = { reference: string; stage: CaseStage; closedAt: Date | null; deletedAt: Date | null; updatedAt: Date };

export type ErasureStatus =
  | { erasable: true; retentionEndedOn: PlainDate }
  | { erasable: false; reason: 'openCase'; openCases: string[] }
  | { erasable: false; reason: 'retention'; retentionEndsOn: PlainDate };

/**
 * A case is open until it reaches CLOSED; a deleted case is not open. The file must be kept for the retention
 * period after the end of the last case (its closing, or its deletion for one deleted before it closed), or
 * after the client's creation when they never had a case. On the day the period ends the client may be erased.
 */
export function erasureStatus({ cases, clientCreatedAt, retentionYears, today }: { cases: ErasureCase[]; clientCreatedAt: Date; retentionYears: number; today: PlainDate }): ErasureStatus {
  const open = cases.filter((kase) => kase.deletedAt === null && kase.stage !== 'CLOSED');
  if (open.length > 0) return { erasable: false, reason: 'openCase', openCases: open.map((kase) => kase.reference) };
  // A closed case always has closedAt (case-facts.ts); its last change stands in should one ever lack it.
  const ends = cases.map((kase) => (kase.closedAt ?? kase.deletedAt ?? kase.updatedAt).getTime());
  const lastEnd = ends.length > 0 ? new Date(Math.max(...ends)) : clientCreatedAt;
  const retentionEndsOn = addYears(brusselsDate(lastEnd), retentionYears);
  if (compareDates(today, retentionEndsOn) < 0) return { erasable: false, reason: 'retention', retentionEndsOn };
  return { erasable: true, retentionEndedOn: retentionEndsOn };
}
