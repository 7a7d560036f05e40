import { addWorkingDays, periodEndInMonths } from './calendar';
import { LONG_STANDING, type DeadlineRule } from './deadline-rule';
import type { CaseFacts } from './facts';
import type { Citizenship, Confidence, DeadlineKind, StayLength } from './vocabulary';

// What a newcomer must do at the commune after arriving. Which duty applies depends on citizenship and on
// whether the stay is short (<= 3 months) or long; with either unknown, no duty is assumed.

function arrivalInWorkingDays(
  id: string,
  kind: DeadlineKind,
  who: { citizenship: Citizenship; stay: StayLength },
  workingDays: number,
  basis: string,
  confidence: Confidence,
): DeadlineRule {
  return {
    id,
    kind,
    actor: 'CLIENT',
    basis,
    confidence,
    effectiveFrom: LONG_STANDING,
    evaluate(facts: CaseFacts) {
      if (facts.citizenship !== who.citizenship || facts.stay !== who.stay || !facts.arrivedOn) return [];
      return [{ judgedOn: facts.arrivedOn, dueOn: addWorkingDays(facts.arrivedOn, workingDays) }];
    },
  };
}

/** Since 1 Sep 2025 the EU citizen brings the full file to the first visit; the 3-month period is unchanged. */
export const EU_REGISTRATION_FULL_FILE_FROM = '2025-09-01';

function euRegistration(id: string, basis: string, effective: { from: string; until?: string }): DeadlineRule {
  return {
    id,
    kind: 'EU_REGISTRATION',
    actor: 'CLIENT',
    basis,
    confidence: 'H',
    effectiveFrom: effective.from,
    ...(effective.until ? { effectiveUntil: effective.until } : {}),
    evaluate(facts: CaseFacts) {
      if (facts.citizenship !== 'EU' || facts.stay !== 'LONG' || !facts.arrivedOn) return [];
      const dueOn = periodEndInMonths(facts.arrivedOn, 3);
      // Judged on the last day to apply: whoever reaches the commune after 1 Sep 2025 meets the
      // full-file requirement, even if they arrived before it.
      return [{ judgedOn: dueOn, dueOn }];
    },
  };
}

export const ARRIVAL_RULES: readonly DeadlineRule[] = [
  arrivalInWorkingDays(
    'arrival-declaration',
    'ARRIVAL_DECLARATION',
    { citizenship: 'NON_EU', stay: 'SHORT' },
    3,
    'Law 15/12/1980 art. 5; Annex 3: report to the commune within 3 working days of entry',
    'H',
  ),
  arrivalInWorkingDays(
    'registration-non-eu',
    'REGISTRATION',
    { citizenship: 'NON_EU', stay: 'LONG' },
    8,
    'Law 15/12/1980 art. 12: register at the commune within 8 working days of arrival ("acht werkdagen")',
    'M',
  ),
  arrivalInWorkingDays(
    'declaration-of-presence',
    'DECLARATION_OF_PRESENCE',
    { citizenship: 'EU', stay: 'SHORT' },
    10,
    'Annex 3ter: declaration of presence within 10 working days of arrival',
    'H',
  ),
  euRegistration('eu-registration', 'Annex 19: apply for registration within 3 months of arrival', {
    from: LONG_STANDING,
    until: EU_REGISTRATION_FULL_FILE_FROM,
  }),
  euRegistration(
    'eu-registration-full-file',
    'Annex 19: apply for registration within 3 months of arrival; since 1 Sep 2025 with the full file at the first visit',
    { from: EU_REGISTRATION_FULL_FILE_FROM },
  ),
];
