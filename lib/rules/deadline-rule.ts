import type { CaseFacts } from './facts';
import { compareDates, type PlainDate } from './plain-date';
import type { RulesSettings } from './settings';
import type { Actor, Confidence, DeadlineKind } from './vocabulary';

// A rule is one legal provision in one version. When the law changes, a new rule is added with its own
// `effectiveFrom` and the old one gets an `effectiveUntil`: history stays computable and reviewable.

export interface Deadline {
  kind: DeadlineKind;
  /** Last day to act, or for eligibility kinds the first day the person is eligible. */
  dueOn: PlainDate;
  /** First day of a window (renewal) or of a possibility (permanent residence), when there is one. */
  opensOn?: PlainDate;
  /** Article or source the date rests on. */
  basis: string;
  confidence: Confidence;
  /** Who must act: the client (at the commune) or the advisor (appeal, follow-up). */
  actor: Actor;
  ruleId: string;
  /** The value comes from a firm setting that sources dispute; the UI says so. */
  disputed?: boolean;
  /** Which item of the facts the deadline is about (for example `absence:0`, `document:<id>`). */
  ref?: string;
}

export interface RuleContext {
  settings: RulesSettings;
  /** The date the computation is made for; only used where the facts leave an end open (an absence not yet over). */
  asOf?: PlainDate;
}

/** What a rule found; `judgedOn` is the date on which the law must have been in force for the rule to apply. */
export interface RuleHit {
  judgedOn: PlainDate;
  dueOn: PlainDate;
  opensOn?: PlainDate;
  basis?: string;
  confidence?: Confidence;
  disputed?: boolean;
  ref?: string;
}

export interface DeadlineRule {
  id: string;
  kind: DeadlineKind;
  actor: Actor;
  basis: string;
  confidence: Confidence;
  /** First day the rule applies (judged on each hit's `judgedOn`). */
  effectiveFrom: PlainDate;
  /** First day the rule no longer applies; absent while it is current law. */
  effectiveUntil?: PlainDate;
  evaluate(facts: CaseFacts, context: RuleContext): RuleHit[];
}

/**
 * For provisions in force long before any case Sejour tracks, the exact day they took effect does not
 * change a single result, so they share this marker instead of an invented date.
 */
export const LONG_STANDING: PlainDate = '1900-01-01';

export function isInEffect(rule: Pick<DeadlineRule, 'effectiveFrom' | 'effectiveUntil'>, on: PlainDate): boolean {
  if (compareDates(on, rule.effectiveFrom) < 0) return false;
  return rule.effectiveUntil === undefined || compareDates(on, rule.effectiveUntil) < 0;
}
