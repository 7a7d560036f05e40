import { fromDbDate } from '@/lib/dates';
import type { Tx } from '@/lib/db';
import type { CaseStage, Citizenship } from '@/lib/generated/prisma/enums';
import { DEFAULT_SETTINGS, ZRulesSettings, type RulesSettings } from '@/lib/rules/settings';

// A case's facts live in Case.facts (JSON, as lib/rules reads them), except the person's own facts
// (citizenship, birth date), which belong to the client record and are merged in when rules run.

export type StoredFacts = Record<string, unknown>;

export function rulesFacts(caseFacts: unknown, client: { citizenship: Citizenship; birthDate: Date | null }): StoredFacts {
  const facts = (caseFacts && typeof caseFacts === 'object' ? caseFacts : {}) as StoredFacts;
  return { ...facts, citizenship: client.citizenship, ...(client.birthDate ? { birthDate: fromDbDate(client.birthDate) } : {}) };
}

/** Applies a patch: a key whose value is undefined is removed (a new application drops the old decision). */
export function mergeFacts(facts: StoredFacts, patch: Record<string, unknown>): StoredFacts {
  const next: StoredFacts = { ...facts };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Key dates copied to columns, so the cases table can sort and filter on them with indexes. */
export function columnsFromFacts(facts: StoredFacts, stage: CaseStage) {
  const date = (value: unknown) => (typeof value === 'string' ? new Date(`${value}T00:00:00.000Z`) : null);
  const card = (facts.card ?? {}) as Record<string, unknown>;
  const decision = (facts.decision ?? {}) as Record<string, unknown>;
  return {
    stage,
    arrivedOn: date(facts.arrivedOn),
    applicationFiledOn: date(facts.applicationFiledOn),
    decisionNotifiedOn: date(decision.notifiedOn),
    appealRegime: (decision.regime as 'ORDINARY' | undefined) ?? null,
    cardType: (card.type as 'A' | undefined) ?? null,
    cardNumber: (card.number as string | undefined) ?? null,
    cardValidFrom: date(card.validFrom),
    cardValidUntil: date(card.validUntil),
    rvvRollNumber: (facts.rvvRollNumber as string | undefined) ?? null,
    closedAt: stage === 'CLOSED' ? (date(facts.closedOn) ?? new Date()) : null,
  };
}

/** The firm's values for disputed periods (the A-card renewal window), or the defaults of DOMAIN.md. */
export async function firmRulesSettings(tx: Tx, firmId: string): Promise<RulesSettings> {
  const firm = await tx.firm.findUniqueOrThrow({ where: { id: firmId }, select: { settings: true } });
  const parsed = ZRulesSettings.safeParse((firm.settings as { rules?: unknown } | null)?.rules ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
