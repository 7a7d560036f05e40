import { compareDates, type PlainDate } from '../plain-date';
import type { AppealRegime, DecisionOutcome } from '../vocabulary';
import {
  APPEAL_CLAUSE, DECISION_DATE_ANCHORS, DECISION_TYPE_PATTERNS, DETENTION, DVZ_NUMBER, LANGUAGE_WORDS, METHOD_PATTERNS, NOTIFIED_ANCHORS, numberWord, OUTCOME_PATTERNS, PERIOD, URGENCY,
} from './patterns';
import type { DateFlag, DecisionField, DecisionType, Found, NotificationMethod } from './vocabulary';
import { writtenDates } from './written-dates';

export type DecisionProposal = {
  language: 'nl' | 'fr' | 'en' | null;
  decisionType: Found<DecisionType> | null;
  outcome: Found<DecisionOutcome> | null;
  decisionDate: Found<PlainDate> | null;
  notifiedOn: Found<PlainDate> | null;
  notificationMethod: Found<NotificationMethod> | null;
  dvzFileNumber: Found<string> | null;
  regime: Found<AppealRegime> | null;
  statedPeriodDays: Found<number> | null;
  flags: Partial<Record<DecisionField, DateFlag[]>>;
};

// How far before a date its anchor may stand ("ter kennis gebracht op 14 november 2026" fits easily).
const ANCHOR_WINDOW = 80;

function first<T>(text: string, patterns: readonly (readonly [T, RegExp])[]): Found<T> | null {
  for (const [value, pattern] of patterns) {
    const match = pattern.exec(text);
    // The list is in order of precedence: the first pattern that matches decides.
    if (match) return { value, start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/** The date right after an anchor: the highlight runs from the anchor's first word to the date's last. */
function anchoredDate(text: string, anchor: RegExp, dates: Found<PlainDate>[]): Found<PlainDate> | null {
  for (const date of dates) {
    const before = text.slice(Math.max(0, date.start - ANCHOR_WINDOW), date.start);
    const global = new RegExp(anchor.source, 'giu');
    const hits = [...before.matchAll(global)];
    const last = hits.at(-1);
    if (last) return { value: date.value, start: date.start - before.length + last.index, end: date.end };
  }
  return null;
}

function find(text: string, pattern: RegExp, from = 0, to = text.length): { start: number; end: number; match: RegExpExecArray } | null {
  const match = pattern.exec(text.slice(from, to));
  return match ? { start: from + match.index, end: from + match.index + match[0].length, match } : null;
}

function languageOf(text: string): DecisionProposal['language'] {
  const counts = (Object.keys(LANGUAGE_WORDS) as (keyof typeof LANGUAGE_WORDS)[]).map((language) => [language, text.match(LANGUAGE_WORDS[language])?.length ?? 0] as const);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 3 ? top[0] : null;
}

function regimeOf(text: string, period: Found<number> | null): Found<AppealRegime> | null {
  const detained = find(text, DETENTION);
  if (detained) return { value: 'DETAINED', start: detained.start, end: detained.end };
  const urgent = find(text, URGENCY);
  // Ordinary letters mention extreme urgency as a remedy too; only a short stated period makes it the regime.
  if (urgent && period && period.value <= 10) return { value: 'EXTREME_URGENCY', start: urgent.start, end: urgent.end };
  const clause = find(text, APPEAL_CLAUSE);
  return clause ? { value: 'ORDINARY', start: clause.start, end: clause.end } : null;
}

function dateFlags(date: Found<PlainDate> | null, asOf: PlainDate, applicationFiledOn: PlainDate | null | undefined): DateFlag[] {
  if (!date) return [];
  const flags: DateFlag[] = [];
  if (compareDates(date.value, asOf) > 0) flags.push('IN_FUTURE');
  if (applicationFiledOn && compareDates(date.value, applicationFiledOn) < 0) flags.push('BEFORE_APPLICATION');
  return flags;
}

/**
 * Proposes a decision's facts from its text, each with the passage it was read from. Nothing is guessed: a
 * field without its wording in the letter stays null, and a date that cannot be right (in the future, before
 * the application, a notification before the decision) is flagged for the advisor rather than dropped.
 */
export function readDecisionLetter(text: string, { asOf, applicationFiledOn }: { asOf: PlainDate; applicationFiledOn?: PlainDate | null }): DecisionProposal {
  const dates = writtenDates(text);
  const notifiedOn = anchoredDate(text, NOTIFIED_ANCHORS, dates);
  const decisionDate = anchoredDate(text, DECISION_DATE_ANCHORS, dates.filter((date) => !notifiedOn || date.end !== notifiedOn.end));
  const method = notifiedOn ? first(text.slice(notifiedOn.start, notifiedOn.end + 120), METHOD_PATTERNS) : null;
  const dvz = find(text, DVZ_NUMBER);
  const periodMatch = find(text, PERIOD);
  // "dertig (30) dagen": the digits in brackets win over the word, as OCR reads digits more reliably.
  const statedPeriodDays = periodMatch ? { value: numberWord(periodMatch.match[2] ?? periodMatch.match[1]!), start: periodMatch.start, end: periodMatch.end } : null;

  const flags: DecisionProposal['flags'] = {};
  const decisionFlags = dateFlags(decisionDate, asOf, applicationFiledOn);
  const notifiedFlags = dateFlags(notifiedOn, asOf, applicationFiledOn);
  if (notifiedOn && decisionDate && compareDates(notifiedOn.value, decisionDate.value) < 0) notifiedFlags.push('BEFORE_DECISION');
  if (decisionFlags.length) flags.decisionDate = decisionFlags;
  if (notifiedFlags.length) flags.notifiedOn = notifiedFlags;

  return {
    language: languageOf(text),
    decisionType: first(text, DECISION_TYPE_PATTERNS),
    outcome: first(text, OUTCOME_PATTERNS),
    decisionDate,
    notifiedOn,
    notificationMethod: method && notifiedOn ? { ...method, start: method.start + notifiedOn.start, end: method.end + notifiedOn.start } : null,
    dvzFileNumber: dvz ? { value: dvz.match[1]!.replace(/\s+/g, ''), start: dvz.start, end: dvz.end } : null,
    regime: regimeOf(text, statedPeriodDays),
    statedPeriodDays,
    flags,
  };
}
