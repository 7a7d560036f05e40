import { toDbDate } from '@/lib/dates';
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
const APPEAL_LODGED: CaseStage[] = ['APPEAL_FILED', 'APPEAL_DECIDED'];

function statusOf(kind: DeadlineKind, stage: CaseStage, facts: { applicationFiledOn?: string; card?: unknown }): DeadlineStatus {
  if (stage === 'CLOSED') return 'SUPERSEDED';
  if (ARRIVAL_KINDS.includes(kind) && (facts.applicationFiledOn || facts.card)) return 'DONE';
  if (kind === 'APPEAL' && APPEAL_LODGED.includes(stage)) return 'DONE';
  if (kind === 'RENEWAL_WINDOW' && stage === 'RENEWAL_FILED') return 'DONE';
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
    status: statusOf(deadline.kind, stage, facts),
  }));
}

/** The date and kind the cases table sorts by: the earliest deadline still open. */
export function nextOpenDeadline(rows: DeadlineRow[]): DeadlineRow | undefined {
  return rows.filter((row) => row.status === 'OPEN').sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime())[0];
}
