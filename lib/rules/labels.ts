import { parseCardType } from './cards';
import { ANNEX_LABELS, AUTHORITY_LABELS, CARD_HOLDER_LABELS, CARD_LABELS } from './labels-cards';
import {
  APPEAL_RESULT_LABELS,
  OUTCOME_LABELS,
  PHASE_LABELS,
  PROCEDURE_LABELS,
  REASON_LABELS,
  REGIME_LABELS,
  STAGE_LABELS,
  TRANSITION_LABELS,
} from './labels-case';
import {
  ACTOR_LABELS,
  CONFIDENCE_LABELS,
  DEADLINE_KIND_LABELS,
  DOCUMENT_KIND_LABELS,
  FINDING_LABELS,
  HOLIDAY_LABELS,
  REQUIREMENT_LABELS,
} from './labels-deadlines';
import type { Locale, Localized } from './vocabulary';

// One typed entry point to every rules label: `ruleLabel('nl', 'card.A')` is "A-kaart". Keys are
// `<table>.<value>`; a key that does not exist is a compile error, and every table is typed so that a
// missing language is one too.

const TABLES = {
  card: CARD_LABELS,
  cardHolder: CARD_HOLDER_LABELS,
  annex: ANNEX_LABELS,
  authority: AUTHORITY_LABELS,
  procedure: PROCEDURE_LABELS,
  stage: STAGE_LABELS,
  phase: PHASE_LABELS,
  transition: TRANSITION_LABELS,
  reason: REASON_LABELS,
  appealResult: APPEAL_RESULT_LABELS,
  regime: REGIME_LABELS,
  outcome: OUTCOME_LABELS,
  deadline: DEADLINE_KIND_LABELS,
  holiday: HOLIDAY_LABELS,
  confidence: CONFIDENCE_LABELS,
  actor: ACTOR_LABELS,
  documentKind: DOCUMENT_KIND_LABELS,
  requirement: REQUIREMENT_LABELS,
  finding: FINDING_LABELS,
} as const satisfies Record<string, Readonly<Record<string, Localized>>>;

type Tables = typeof TABLES;
export type LabelTable = keyof Tables;
export type RuleLabelKey = { [T in LabelTable]: `${T}.${Extract<keyof Tables[T], string>}` }[LabelTable];

/** The label of `key` in `locale`. */
export function ruleLabel(locale: Locale, key: RuleLabelKey): string {
  const dot = key.indexOf('.');
  const table: Readonly<Record<string, Localized>> = TABLES[key.slice(0, dot) as LabelTable];
  const entry = table[key.slice(dot + 1)];
  // Unreachable for typed callers; a stored key that no longer exists shows as itself rather than crashing a page.
  return entry ? entry[locale] : key;
}

/** Every label key, for completeness tests and for translators. */
export function ruleLabelKeys(): RuleLabelKey[] {
  return (Object.keys(TABLES) as LabelTable[]).flatMap((table) =>
    Object.keys(TABLES[table]).map((value) => `${table}.${value}` as RuleLabelKey),
  );
}

/** A card's label from what a person or an old file wrote (legacy C, D, E, E+ show with their new name). */
export function cardLabel(locale: Locale, input: string): string | null {
  const type = parseCardType(input);
  return type ? CARD_LABELS[type][locale] : null;
}
