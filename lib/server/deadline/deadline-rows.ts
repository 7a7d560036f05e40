import { addDaysPlain, toDbDate } from '@/lib/dates';
import type { CaseStage, DeadlineKind, DeadlineStatus } from '@/lib/generated/prisma/enums';
import { computeDeadlines } from '@/lib/rules/deadlines';
import { ZCaseFacts } from '@/lib/rules/facts';
import { DEFAULT_SETTINGS, type RulesSettings } from '@/lib/rules/settings';

// From a case's facts to the Deadline rows stored for it. lib/rules says which deadlines the law sets;
// whether one is already met depends on where the case stands, which only the case knows.

export type DeadlineRow = {
  key: string;
  kind: DeadlineKind;
  dueOn: Date;
  opensOn: Date | null;
  basis: string;
  confidence: 'H' | 'M' | 'L';
  actor: 'CLIENT' | 'ADVISOR';
  ruleId: string;
  disputed: boolean;
  status: DeadlineStatus;
};

const ARRIVAL_KINDS: DeadlineKind[] = ['ARRIVAL_DECLARATION', 'REGISTRATION', 'DECLARATION_OF_PRESENCE', 'EU_REGISTRATION'];

type StatusFacts = { applicationFiledOn?: string; card?: unknown; appealFiledOn?: string; decision?: { notifiedOn?: string; outcome?: string } };

/**
 * Whether a deadline is already met, from the facts rather than the stage, so it stays met when the case
 * moves on (a renewal refused after it was filed, an appeal annulled and decided again).
 */
function statusOf(deadline: { kind: DeadlineKind; dueOn: string; opensOn?: string }, stage: CaseStage, facts: StatusFacts): DeadlineStatus {
  if (stage === 'CLOSED') return 'SUPERSEDED';
  if (ARRIVAL_KINDS.includes(deadline.kind) && (facts.applicationFiledOn || facts.card)) return 'DONE';
  // The authority decided (approved, refused or withdrawn): its decision period no longer runs.
  if (deadline.kind === 'DECISION_DUE' && facts.decision?.outcome) return 'DONE';
  if (deadline.kind === 'APPEAL' && facts.appealFiledOn && (!facts.decision?.notifiedOn || facts.appealFiledOn >= facts.decision.notifiedOn)) return 'DONE';
  // A renewal filed for this card: not long before its window opened (the previous card's filing is
  // months earlier) and before the card ran out.
  if (deadline.kind === 'RENEWAL_WINDOW' && facts.applicationFiledOn && deadline.opensOn) {
    const earliest = addDaysPlain(deadline.opensOn, -90);
    if (facts.applicationFiledOn >= earliest && facts.applicationFiledOn <= addDaysPlain(deadline.dueOn, 30)) return 'DONE';
  }
  return 'OPEN';
}

export function deadlineRowsFor(rawFacts: unknown, stage: CaseStage, asOf: string, settings: RulesSettings = DEFAULT_SETTINGS): DeadlineRow[] {
  const facts = ZCaseFacts.parse(rawFacts);
  return computeDeadlines(facts, settings, asOf).map((deadline) => ({
    key: deadline.ref ? `${deadline.ruleId}:${deadline.ref}` : deadline.ruleId,
    kind: deadline.kind,
    dueOn: toDbDate(deadline.dueOn),
    opensOn: deadline.opensOn ? toDbDate(deadline.opensOn) : null,
    basis: deadline.basis,
    confidence: deadline.confidence,
    actor: deadline.actor,
    ruleId: deadline.ruleId,
    disputed: deadline.disputed ?? false,
    // The raw facts: filing dates such as appealFiledOn are case facts that lib/rules does not read.
    status: statusOf(deadline, stage, rawFacts as StatusFacts),
  }));
}

/** The date and kind the cases table sorts by: the earliest deadline still open. */
export function nextOpenDeadline(rows: DeadlineRow[]): DeadlineRow | undefined {
  return rows.filter((row) => row.status === 'OPEN').sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime())[0];
}
