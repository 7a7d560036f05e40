import { z } from 'zod';
import { ZCardType, ZPeriod, ZPlainDate, ZResidencePeriod } from './zod-fields';
import {
  APPEAL_REGIMES,
  CITIZENSHIPS,
  DECISION_OUTCOMES,
  PROCEDURES,
  SPONSORS,
  STAY_LENGTHS,
} from './vocabulary';

// The facts of a case, from which every deadline is computed. A case is built up over weeks, so almost
// everything is optional: a missing fact means "no deadline from it yet", never an error. Only citizenship
// is required because it decides which body of law (EU free movement or the general regime) applies at all.

/**
 * The authority's decision. Appeal periods run from notification; when only the posting date of a
 * registered letter is known, `postedOn` lets the engine derive the deemed notification date.
 */
export const ZDecisionFacts = z.object({
  outcome: z.enum(DECISION_OUTCOMES).optional(),
  notifiedOn: ZPlainDate.optional(),
  postedOn: ZPlainDate.optional(),
  regime: z.enum(APPEAL_REGIMES).optional(),
  /** Asylum decisions state their own appeal period; when recorded it wins over the regime's default. */
  statedPeriodDays: z.int().min(1).max(365).optional(),
});
export type DecisionFacts = z.output<typeof ZDecisionFacts>;

export const ZCardFacts = z.object({
  type: ZCardType.optional(),
  number: z.string().trim().min(1).max(40).optional(),
  validFrom: ZPlainDate.optional(),
  validUntil: ZPlainDate.optional(),
});
export type CaseCardFacts = z.output<typeof ZCardFacts>;

export type ResidencePeriod = z.output<typeof ZResidencePeriod>;

/** `from` is the day of departure and `to` the day of return; an open `to` means not back yet. */
export const ZAbsence = ZPeriod;
export type Absence = z.output<typeof ZAbsence>;

export const ZCaseFacts = z.object({
  citizenship: z.enum(CITIZENSHIPS),
  stay: z.enum(STAY_LENGTHS).optional(),
  arrivedOn: ZPlainDate.optional(),
  procedure: z.enum(PROCEDURES).optional(),
  /** Family reunification: who the sponsor is decides the decision period. */
  sponsor: z.enum(SPONSORS).optional(),
  applicationFiledOn: ZPlainDate.optional(),
  /** Times the authority extended its decision period (family reunification: at most twice). */
  decisionPeriodExtensions: z.int().min(0).max(2).optional(),
  decision: ZDecisionFacts.optional(),
  card: ZCardFacts.optional(),
  legalResidenceSince: ZPlainDate.optional(),
  /** Full history of legal residence; when given it replaces `legalResidenceSince` for eligibility. */
  residencePeriods: z.array(ZResidencePeriod).max(100).optional(),
  /** The person currently studies: the A-card renewal rule for students applies. */
  isStudent: z.boolean().optional(),
  studentPeriods: z.array(ZPeriod).max(100).optional(),
  absences: z.array(ZAbsence).max(200).optional(),
  birthDate: ZPlainDate.optional(),
  /** Date the person moved to a new address (the move must be reported). */
  movedOn: ZPlainDate.optional(),
});
export type CaseFacts = z.output<typeof ZCaseFacts>;
/** What a caller may pass before parsing: legacy card letters are still strings here. */
export type CaseFactsInput = z.input<typeof ZCaseFacts>;
