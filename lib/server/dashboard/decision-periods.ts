import { addDaysPlain, type PlainDate } from '@/lib/dates';
import type { Procedure } from '@/lib/generated/prisma/enums';
import { periodEndInMonths } from '@/lib/rules/calendar';
import { decisionPeriodFor, type DecisionPeriod } from '@/lib/rules/procedures';
import { PROCEDURES, SPONSORS, type Sponsor } from '@/lib/rules/vocabulary';

// The authority's decision period for each kind of pending case, flattened from lib/rules into a short list
// of (procedure, sponsor, extensions) -> months, so one SQL query can flag overdue decisions across 100,000
// cases. lib/rules stays the only place that knows the periods; this file only enumerates them.

/** Stages in which the authority still owes a decision on the application. */
export const DECISION_PENDING_STAGES = ['APPLICATION_FILED', 'RESIDENCE_CHECK', 'DECISION_PENDING'] as const;

export type PeriodVariant = {
  procedure: Procedure;
  /** undefined: the sponsor does not matter for this procedure. */
  sponsor?: Sponsor;
  /** Extensions the authority announced (facts.decisionPeriodExtensions, capped like lib/rules caps it). */
  extensions: number;
  /** true for the highest extension count: more recorded extensions than the law allows count as that many. */
  orMore: boolean;
  months: number;
};

const samePeriod = (a: DecisionPeriod | null, b: DecisionPeriod | null) =>
  a?.months === b?.months && a?.extensionMonths === b?.extensionMonths && a?.maxExtensions === b?.maxExtensions;

function variantsOf(procedure: Procedure, sponsor: Sponsor | undefined, period: DecisionPeriod | null): PeriodVariant[] {
  if (!period) return [];
  const max = period.extensionMonths ? (period.maxExtensions ?? 0) : 0;
  return Array.from({ length: max + 1 }, (_, extensions) => ({
    procedure,
    sponsor,
    extensions,
    orMore: extensions === max,
    months: period.months + extensions * (period.extensionMonths ?? 0),
  }));
}

/** Every combination that has a decision period, computed once from lib/rules. */
export const PERIOD_VARIANTS: readonly PeriodVariant[] = PROCEDURES.flatMap((procedure) => {
  const general = decisionPeriodFor(procedure);
  const bySponsor = SPONSORS.map((sponsor) => [sponsor, decisionPeriodFor(procedure, sponsor)] as const);
  // Family reunification's period depends on who the sponsor is; an unknown sponsor gives no flag, not a guess.
  if (bySponsor.every(([, period]) => samePeriod(period, general))) return variantsOf(procedure, undefined, general);
  return bySponsor.flatMap(([sponsor, period]) => variantsOf(procedure, sponsor, period));
});

/** The months of the decision period for one case, as lib/rules' DECISION_DUE rule counts them, or null. */
export function decisionMonths(procedure: Procedure, sponsor: string | null, extensions: number | null): number | null {
  const period = decisionPeriodFor(procedure, (SPONSORS as readonly string[]).includes(sponsor ?? '') ? (sponsor as Sponsor) : undefined);
  if (!period) return null;
  const counted = Math.min(Math.max(extensions ?? 0, 0), period.extensionMonths ? (period.maxExtensions ?? 0) : 0);
  return period.months + counted * (period.extensionMonths ?? 0);
}

/** The day the period ends: `months` after filing, moved to the next working day like every legal period. */
export function decisionDueOn(filedOn: PlainDate, months: number): PlainDate {
  return periodEndInMonths(filedOn, months);
}

/**
 * The last filing date whose decision period of `months` ended before `asOf`. The period end only moves forward
 * as the filing date does, so "overdue" is exactly "filed on or before this date", which an index range can use.
 */
export function latestOverdueFiling(asOf: PlainDate, months: number): PlainDate {
  // lo is overdue for sure (months of at most 31 days plus a generous working-day roll); hi (asOf) never is.
  let lo = -(31 * months + 15);
  let hi = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (decisionDueOn(addDaysPlain(asOf, mid), months) < asOf) lo = mid;
    else hi = mid;
  }
  return addDaysPlain(asOf, lo);
}
