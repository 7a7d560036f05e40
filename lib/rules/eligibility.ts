import type { CaseFacts } from './facts';
import { addMonths, addYears, compareDates, fromDayNumber, toDayNumber, type PlainDate } from './plain-date';

// When does a person reach N years of legal, uninterrupted residence? Walks the history day by day: it is
// small (decades at most), and a day-level walk keeps the legal rules readable instead of clever interval maths.

export interface EligibilityParameters {
  years: number;
  /** An absence longer than this many consecutive months interrupts the residence. */
  maxConsecutiveAbsenceMonths: number;
  /** Short absences count as residence until their total exceeds this many days; then the residence is interrupted. */
  maxTotalAbsenceDays: number;
  /** Residence as a student counts half (long-term residence) or in full (nationality). */
  studentDaysCountHalf: boolean;
}

// "10 months in total" measured in days: 10 × 365.25 / 12 = 304.4, rounded down (the stricter reading).
const TEN_MONTHS_IN_DAYS = 304;

/** Law 15/12/1980 art. 15bis (Directive 2003/109 art. 4): 5 years; absences < 6 consecutive and <= 10 months in total. */
export const LONG_TERM_RESIDENCE_PARAMETERS: EligibilityParameters = {
  years: 5,
  maxConsecutiveAbsenceMonths: 6,
  maxTotalAbsenceDays: TEN_MONTHS_IN_DAYS,
  studentDaysCountHalf: true,
};

/**
 * Nationality Code art. 12bis §1 2°: 5 years of uninterrupted legal residence. The Code has no half-counting of
 * student years; for absences the long-term-residence tolerances are used (the Code's own are not in DOMAIN).
 */
export const NATIONALITY_PARAMETERS: EligibilityParameters = {
  years: 5,
  maxConsecutiveAbsenceMonths: 6,
  maxTotalAbsenceDays: TEN_MONTHS_IN_DAYS,
  studentDaysCountHalf: false,
};

export interface DatedPeriod {
  from: PlainDate;
  to?: PlainDate | undefined;
}

export interface ResidenceHistory {
  /** Periods of legal residence, `to` inclusive and open when still running. */
  periods: ReadonlyArray<DatedPeriod & { student?: boolean | undefined }>;
  studentPeriods: readonly DatedPeriod[];
  /** `from` = day of departure, `to` = day of return (open while abroad). */
  absences: readonly DatedPeriod[];
}

export function residenceHistoryOf(facts: CaseFacts): ResidenceHistory | null {
  const periods = facts.residencePeriods ?? (facts.legalResidenceSince ? [{ from: facts.legalResidenceSince }] : []);
  if (periods.length === 0) return null;
  return { periods, studentPeriods: facts.studentPeriods ?? [], absences: facts.absences ?? [] };
}

interface DaySpan {
  from: number;
  to: number; // inclusive; Infinity when open
}

const span = (period: DatedPeriod): DaySpan => ({
  from: toDayNumber(period.from),
  to: period.to ? toDayNumber(period.to) : Number.POSITIVE_INFINITY,
});

interface Run {
  needed: number; // in half days
  credit: number; // in half days
  absentDays: number;
}

function startRun(day: number, years: number): Run {
  const start = fromDayNumber(day);
  return { needed: 2 * (toDayNumber(addYears(start, years)) - day), credit: 0, absentDays: 0 };
}

/**
 * First day on which the person has the required years of legal residence, or null if the history never
 * gets there. An absence with no return date runs until `asOf` when given (then the person is assumed back);
 * without `asOf` it is treated as lasting, which interrupts the residence.
 */
export function eligibleFrom(history: ResidenceHistory, parameters: EligibilityParameters, asOf?: PlainDate): PlainDate | null {
  const periods = history.periods.map((period) => ({ ...span(period), student: period.student === true }));
  const students = history.studentPeriods.map(span);
  const absences = history.absences.map((absence) => {
    const back = absence.to ?? asOf;
    const long = back === undefined || compareDates(back, addMonths(absence.from, parameters.maxConsecutiveAbsenceMonths)) > 0;
    // Absent days are departure .. day before return.
    return { from: toDayNumber(absence.from), to: back ? toDayNumber(back) - 1 : Number.POSITIVE_INFINITY, long };
  });
  const finiteEnds = [...periods, ...students, ...absences].flatMap((item) => [item.from, item.to]).filter(Number.isFinite);
  const first = Math.min(...periods.map((period) => period.from));
  // Past the last dated event, nothing changes any more: at half rate the years are reached within 2 × years.
  const horizon = Math.max(...finiteEnds) + (2 * parameters.years + 1) * 366;

  let run: Run | null = null;
  for (let day = first; day <= horizon; day += 1) {
    const period = periods.find((p) => p.from <= day && day <= p.to);
    const absence = absences.find((a) => a.from <= day && day <= a.to);
    if (!period || absence?.long) {
      run = null;
      continue;
    }
    // After an interruption the new residence starts on return, never while still abroad.
    if (absence && !run) continue;
    run ??= startRun(day, parameters.years);
    if (absence) {
      run.absentDays += 1;
      if (run.absentDays > parameters.maxTotalAbsenceDays) {
        run = null;
        continue;
      }
    }
    const studying = period.student || students.some((s) => s.from <= day && day <= s.to);
    run.credit += studying && parameters.studentDaysCountHalf ? 1 : 2;
    if (run.credit >= run.needed) return fromDayNumber(day + 1);
  }
  return null;
}
