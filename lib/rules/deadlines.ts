import { isInEffect, type Deadline, type DeadlineRule, type RuleContext } from './deadline-rule';
import { ARRIVAL_RULES } from './deadlines-arrival';
import { CARD_RULES } from './deadlines-card';
import { DECISION_RULES } from './deadlines-decision';
import { RESIDENCE_RULES } from './deadlines-residence';
import type { CaseFacts } from './facts';
import { compareDates, type PlainDate } from './plain-date';
import { DEFAULT_SETTINGS, type RulesSettings } from './settings';
import { DEADLINE_KINDS } from './vocabulary';

// The engine: run every rule on the facts, keep the hits whose law was in force, and give them a stable
// order (by date, then by kind as listed in the vocabulary) so stored deadlines and the CLI output never shuffle.

export const DEADLINE_RULES: readonly DeadlineRule[] = [...ARRIVAL_RULES, ...DECISION_RULES, ...CARD_RULES, ...RESIDENCE_RULES];

export function deadlineRule(id: string): DeadlineRule | undefined {
  return DEADLINE_RULES.find((rule) => rule.id === id);
}

export function compareDeadlines(a: Deadline, b: Deadline): number {
  return (
    compareDates(a.dueOn, b.dueOn) ||
    DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.ref ?? '').localeCompare(b.ref ?? '')
  );
}

/**
 * Every deadline the facts give rise to. `settings` holds the firm's values for disputed periods;
 * `asOf` only closes absences that have no return date yet (see eligibility).
 */
export function computeDeadlines(facts: CaseFacts, settings: RulesSettings = DEFAULT_SETTINGS, asOf?: PlainDate): Deadline[] {
  const context: RuleContext = { settings, ...(asOf ? { asOf } : {}) };
  const deadlines: Deadline[] = [];
  for (const rule of DEADLINE_RULES) {
    for (const hit of rule.evaluate(facts, context)) {
      if (!isInEffect(rule, hit.judgedOn)) continue;
      deadlines.push({
        kind: rule.kind,
        dueOn: hit.dueOn,
        ...(hit.opensOn ? { opensOn: hit.opensOn } : {}),
        basis: hit.basis ?? rule.basis,
        confidence: hit.confidence ?? rule.confidence,
        actor: rule.actor,
        ruleId: rule.id,
        ...(hit.disputed ? { disputed: true } : {}),
        ...(hit.ref ? { ref: hit.ref } : {}),
      });
    }
  }
  return deadlines.sort(compareDeadlines);
}

export interface DatedDocument {
  /** The document's id in storage, carried into `ref` so a deadline can be traced back to it. */
  id: string;
  expiresOn: PlainDate;
}

/** DOCUMENT_EXPIRY deadlines for documents with an expiry date (passport, card, certificates). */
export function documentExpiryDeadlines(documents: readonly DatedDocument[]): Deadline[] {
  return documents
    .map(
      (document): Deadline => ({
        kind: 'DOCUMENT_EXPIRY',
        dueOn: document.expiresOn,
        basis: "The document's expiry date",
        confidence: 'H',
        actor: 'CLIENT',
        ruleId: 'document-expiry',
        ref: `document:${document.id}`,
      }),
    )
    .sort(compareDeadlines);
}
