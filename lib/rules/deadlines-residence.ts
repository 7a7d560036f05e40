import { addWorkingDays, periodEndInDays, rollBackToWorkingDay } from './calendar';
import { LONG_STANDING, type DeadlineRule, type RuleHit } from './deadline-rule';
import {
  eligibleFrom,
  LONG_TERM_RESIDENCE_PARAMETERS,
  NATIONALITY_PARAMETERS,
  residenceHistoryOf,
} from './eligibility';
import type { Absence, CaseFacts } from './facts';
import { addDays, addMonths, addYears, compareDates, maxDate, type PlainDate } from './plain-date';

// Deadlines from living in Belgium: moving house, long absences, and the dates from which five years of
// residence open long-term residence and nationality.

/** The Nationality Code in its current form (5 years + integration) applies since 1 Jan 2013. */
export const NATIONALITY_CODE_2013: PlainDate = '2013-01-01';

const ADDRESS_CHANGE: DeadlineRule = {
  id: 'address-change',
  kind: 'ADDRESS_CHANGE',
  actor: 'CLIENT',
  basis: 'RD 16/07/1992 on population registers: report a move to the commune within 8 working days',
  confidence: 'M',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    return facts.movedOn ? [{ judgedOn: facts.movedOn, dueOn: addWorkingDays(facts.movedOn, 8) }] : [];
  },
};

/** Absences up to 3 months need no formality; longer ones (or ones with no return date yet) do. */
function isLongAbsence(absence: Absence): boolean {
  return absence.to === undefined || compareDates(absence.to, addMonths(absence.from, 3)) > 0;
}

function eachLongAbsence(facts: CaseFacts, hit: (absence: Absence, ref: string) => RuleHit | null): RuleHit[] {
  return (facts.absences ?? []).flatMap((absence, index) => {
    if (!isLongAbsence(absence)) return [];
    const found = hit(absence, `absence:${index}`);
    return found ? [found] : [];
  });
}

const ABSENCE_NOTIFY_DEPARTURE: DeadlineRule = {
  id: 'absence-notify-departure',
  kind: 'RETURN_AFTER_ABSENCE',
  actor: 'CLIENT',
  basis: 'RD 8/10/1981 art. 39; Annex 18: tell the commune before leaving for more than 3 months',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    // "Before leaving": the last day the commune is open before the day of departure.
    return eachLongAbsence(facts, (absence, ref) => ({
      judgedOn: absence.from,
      dueOn: rollBackToWorkingDay(addDays(absence.from, -1)),
      ref,
    }));
  },
};

const ABSENCE_REPORT_RETURN: DeadlineRule = {
  id: 'absence-report-return',
  kind: 'RETURN_AFTER_ABSENCE',
  actor: 'CLIENT',
  basis: 'RD 8/10/1981 art. 39: report to the commune within 15 days of return',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    return eachLongAbsence(facts, (absence, ref) =>
      absence.to ? { judgedOn: absence.from, dueOn: periodEndInDays(absence.to, 15), ref } : null,
    );
  },
};

const ABSENCE_RIGHT_OF_RETURN: DeadlineRule = {
  id: 'absence-right-of-return',
  kind: 'RETURN_AFTER_ABSENCE',
  actor: 'CLIENT',
  basis: 'Law 15/12/1980 art. 19: the right of return lapses after an absence of more than 1 year',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts) {
    const permanent = facts.card?.type === 'EU_PLUS' || facts.card?.type === 'F_PLUS';
    // The person can physically return on any day, so no working-day roll-over applies to this date.
    return eachLongAbsence(facts, (absence, ref) => ({
      judgedOn: absence.from,
      dueOn: addYears(absence.from, permanent ? 2 : 1),
      ref,
      ...(permanent ? { basis: 'EU+/F+ permanent residence lapses after an absence of more than 2 years' } : {}),
    }));
  },
};

const LONG_TERM_RESIDENCE_ELIGIBLE: DeadlineRule = {
  id: 'long-term-residence-eligible',
  kind: 'LONG_TERM_RESIDENCE_ELIGIBLE',
  actor: 'ADVISOR',
  basis:
    'Law 15/12/1980 art. 15bis (Directive 2003/109): 5 years of legal, uninterrupted residence; absences <= 6 consecutive and <= 10 months in total; student years count half',
  confidence: 'H',
  effectiveFrom: LONG_STANDING,
  evaluate(facts, { asOf }) {
    // EU citizens have free movement instead; an L card holder already has the status.
    if (facts.citizenship !== 'NON_EU' || facts.card?.type === 'L') return [];
    const history = residenceHistoryOf(facts);
    const eligible = history && eligibleFrom(history, LONG_TERM_RESIDENCE_PARAMETERS, asOf);
    return eligible ? [{ judgedOn: eligible, dueOn: eligible }] : [];
  },
};

const NATIONALITY_ELIGIBLE: DeadlineRule = {
  id: 'nationality-eligible',
  kind: 'NATIONALITY_ELIGIBLE',
  actor: 'ADVISOR',
  basis:
    'Nationality Code art. 12bis §1 2°: 18+, 5 years of legal residence, unlimited stay at the declaration, language A2, integration and 468 working days',
  confidence: 'M',
  effectiveFrom: NATIONALITY_CODE_2013,
  evaluate(facts, { asOf }) {
    // Age decides eligibility, so without a birth date the date cannot be given.
    if (!facts.birthDate) return [];
    const history = residenceHistoryOf(facts);
    const resided = history && eligibleFrom(history, NATIONALITY_PARAMETERS, asOf);
    if (!resided) return [];
    // Someone with 5 years before 2013 became eligible under these rules on the day they took effect.
    const eligible = maxDate(maxDate(resided, addYears(facts.birthDate, 18)), NATIONALITY_CODE_2013);
    return [{ judgedOn: eligible, dueOn: eligible }];
  },
};

export const RESIDENCE_RULES: readonly DeadlineRule[] = [
  ADDRESS_CHANGE,
  ABSENCE_NOTIFY_DEPARTURE,
  ABSENCE_REPORT_RETURN,
  ABSENCE_RIGHT_OF_RETURN,
  LONG_TERM_RESIDENCE_ELIGIBLE,
  NATIONALITY_ELIGIBLE,
];
