import { periodEndInDays, periodEndInMonths, registeredLetterNotifiedOn } from './calendar';
import { LONG_STANDING, type DeadlineRule } from './deadline-rule';
import type { CaseFacts, DecisionFacts } from './facts';
import type { PlainDate } from './plain-date';
import { decisionPeriodFor } from './procedures';
import type { AppealRegime } from './vocabulary';

// Deadlines around the authority's decision: the appeal to the RvV/CCE after a refusal or withdrawal, and
// the authority's own decision period (for "overdue decision" flags; never part of the CLI output).

/** The Council for Alien Law Litigation (RvV/CCE) took over alien-law appeals on 1 Jun 2007. */
export const RVV_FROM: PlainDate = '2007-06-01';

export const APPEAL_PERIOD_DAYS: Readonly<Record<AppealRegime, number>> = {
  ORDINARY: 30,
  DETAINED: 10,
  EXTREME_URGENCY: 10,
  EXTREME_URGENCY_REPEAT: 5,
};

const APPEAL_BASIS: Readonly<Record<AppealRegime, string>> = {
  ORDINARY: 'Law 15/12/1980 art. 39/57 §1: appeal to the RvV/CCE within 30 days of notification',
  DETAINED: 'Law 15/12/1980 art. 39/57 §1: 10 days when detained with a view to removal',
  EXTREME_URGENCY: 'Law 15/12/1980 art. 39/57 §1 and 39/82 §4: extreme urgency, 10 days',
  EXTREME_URGENCY_REPEAT: 'Law 15/12/1980 art. 39/57 §1 and 39/82 §4: 5 days against a second removal measure',
};

const POSTED_BASIS = '; registered letter deemed notified on the 3rd working day after posting (art. 39/57 §2)';

/** The date the appeal period runs from: the notification, or the deemed one for a registered letter. */
export function notificationDate(decision: DecisionFacts): PlainDate | null {
  if (decision.notifiedOn) return decision.notifiedOn;
  return decision.postedOn ? registeredLetterNotifiedOn(decision.postedOn) : null;
}

export const APPEAL_RULE: DeadlineRule = {
  id: 'appeal-rvv',
  kind: 'APPEAL',
  actor: 'ADVISOR',
  basis: APPEAL_BASIS.ORDINARY,
  confidence: 'H',
  effectiveFrom: RVV_FROM,
  evaluate(facts: CaseFacts) {
    const decision = facts.decision;
    if (!decision || (decision.outcome !== 'REFUSED' && decision.outcome !== 'WITHDRAWN')) return [];
    const notified = notificationDate(decision);
    if (!notified) return [];
    // An unrecorded regime is the ordinary one: detention and extreme urgency are facts the advisor records.
    const regime = decision.regime ?? 'ORDINARY';
    const stated = decision.statedPeriodDays;
    const days = stated ?? APPEAL_PERIOD_DAYS[regime];
    const basis =
      (stated === undefined
        ? APPEAL_BASIS[regime]
        : `Period stated on the decision: ${stated} days (Law 15/12/1980 art. 39/57)`) +
      (decision.notifiedOn ? '' : POSTED_BASIS);
    return [{ judgedOn: notified, dueOn: periodEndInDays(notified, days), basis }];
  },
};

export const DECISION_DUE_RULE: DeadlineRule = {
  id: 'decision-due',
  kind: 'DECISION_DUE',
  actor: 'ADVISOR',
  basis: 'Decision period of the procedure',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts: CaseFacts) {
    if (!facts.procedure || !facts.applicationFiledOn || facts.decision?.outcome) return [];
    const period = decisionPeriodFor(facts.procedure, facts.sponsor);
    if (!period) return [];
    const extensions = Math.min(facts.decisionPeriodExtensions ?? 0, period.maxExtensions ?? 0);
    const months = period.months + extensions * (period.extensionMonths ?? 0);
    const basis = extensions > 0 ? `${period.basis}; extended ${extensions}×` : period.basis;
    return [
      {
        judgedOn: facts.applicationFiledOn,
        dueOn: periodEndInMonths(facts.applicationFiledOn, months),
        basis,
        confidence: period.confidence,
      },
    ];
  },
};

export const DECISION_RULES: readonly DeadlineRule[] = [APPEAL_RULE, DECISION_DUE_RULE];
