import type { AnnexKey } from './annexes';
import { phaseOf } from './stages';
import type { CardType, CaseStage, Confidence, Phase, Procedure, Sponsor } from './vocabulary';

// The ten procedures Sejour tracks: which part of the case life they go through, which cards they lead
// to, and how long the authority has to decide (for "overdue decision" flags, never a promise to a client).

export interface DecisionPeriod {
  months: number;
  /** Some periods may be extended by the authority, each time by `extensionMonths`. */
  extensionMonths?: number;
  maxExtensions?: number;
  basis: string;
  confidence: Confidence;
}

export interface ProcedureDefinition {
  procedure: Procedure;
  /** Stages a case of this procedure can be in; the stage machine offers no transition leading elsewhere. */
  stages: readonly CaseStage[];
  initialStage: CaseStage;
  /** Cards the procedure normally leads to. */
  cards: readonly CardType[];
  /** Annexes (official forms and receipts) issued along the way. */
  annexes: readonly AnnexKey[];
}

const ALL_STAGES: readonly CaseStage[] = [
  'INTAKE',
  'APPLICATION_FILED',
  'RESIDENCE_CHECK',
  'DECISION_PENDING',
  'APPROVED',
  'CARD_ISSUED',
  'RENEWAL_DUE',
  'RENEWAL_FILED',
  'REFUSED',
  'APPEAL_FILED',
  'APPEAL_DECIDED',
  'CLOSED',
];

function residenceProcedure(procedure: Procedure, cards: readonly CardType[], annexes: readonly AnnexKey[]): ProcedureDefinition {
  return { procedure, stages: ALL_STAGES, initialStage: 'INTAKE', cards, annexes };
}

export const PROCEDURE_DEFINITIONS: Readonly<Record<Procedure, ProcedureDefinition>> = {
  REGISTRATION_NON_EU: residenceProcedure('REGISTRATION_NON_EU', ['A', 'B'], ['3', '15', '18']),
  REGISTRATION_EU: residenceProcedure('REGISTRATION_EU', ['EU'], ['3ter', '19', '8ter', '18']),
  FAMILY_REUNIFICATION: residenceProcedure('FAMILY_REUNIFICATION', ['A', 'F'], ['15', '19ter', '4']),
  SINGLE_PERMIT: residenceProcedure('SINGLE_PERMIT', ['A'], ['15']),
  STUDY: residenceProcedure('STUDY', ['A'], ['15']),
  EU_BLUE_CARD: residenceProcedure('EU_BLUE_CARD', ['H'], ['15']),
  LONG_TERM_RESIDENCE: residenceProcedure('LONG_TERM_RESIDENCE', ['L'], ['16', '16bis', '17']),
  PERMANENT_RESIDENCE_EU_FAMILY: residenceProcedure('PERMANENT_RESIDENCE_EU_FAMILY', ['F_PLUS'], ['22']),
  // A nationality declaration ends in an acquisition of nationality, not a card, and is contested before
  // the family court rather than the RvV: no card, renewal or RvV-appeal stages.
  NATIONALITY_DECLARATION: {
    procedure: 'NATIONALITY_DECLARATION',
    stages: ['INTAKE', 'APPLICATION_FILED', 'DECISION_PENDING', 'APPROVED', 'REFUSED', 'CLOSED'],
    initialStage: 'INTAKE',
    cards: [],
    annexes: [],
  },
  // A case opened only to appeal an existing refusal: it starts by recording the refusal.
  APPEAL_RVV: {
    procedure: 'APPEAL_RVV',
    stages: ['INTAKE', 'REFUSED', 'APPEAL_FILED', 'APPEAL_DECIDED', 'CLOSED'],
    initialStage: 'INTAKE',
    cards: [],
    annexes: [],
  },
};

export function procedureDefinition(procedure: Procedure): ProcedureDefinition {
  return PROCEDURE_DEFINITIONS[procedure];
}

/** The phases a procedure goes through, derived from its stages so the two can never disagree. */
export function phasesOf(procedure: Procedure): Phase[] {
  const phases = PROCEDURE_DEFINITIONS[procedure].stages.map(phaseOf);
  return [...new Set(phases.filter((phase): phase is Phase => phase !== null))];
}

const FAMILY_REUNIFICATION_NON_EU_SPONSOR: DecisionPeriod = {
  months: 9,
  extensionMonths: 3,
  maxExtensions: 2,
  basis: 'Law 15/12/1980 art. 12bis §2 (9 months, extendable twice by 3; 2016)',
  confidence: 'H',
};

const DECISION_PERIODS: Readonly<Partial<Record<Procedure, DecisionPeriod>>> = {
  LONG_TERM_RESIDENCE: { months: 5, basis: 'Law 15/12/1980, long-term residence: 5 months; no decision means the L card is issued', confidence: 'H' },
  REGISTRATION_EU: { months: 6, basis: 'Law 15/12/1980 art. 42 §1: EU registration decided within 6 months', confidence: 'H' },
  SINGLE_PERMIT: { months: 4, basis: 'Single permit: about 4 months (practice, not a firm legal period)', confidence: 'L' },
  // The Blue Card is granted through the single-permit procedure, so it inherits its period.
  EU_BLUE_CARD: { months: 4, basis: 'EU Blue Card via the single-permit procedure: about 4 months', confidence: 'L' },
};

/**
 * The authority's decision period for a procedure, or null when the law sets none that Sejour tracks.
 * Family reunification depends on the sponsor: unknown sponsor gives null rather than a guess.
 */
export function decisionPeriodFor(procedure: Procedure, sponsor?: Sponsor): DecisionPeriod | null {
  if (procedure === 'FAMILY_REUNIFICATION') {
    if (sponsor === 'NON_EU') return FAMILY_REUNIFICATION_NON_EU_SPONSOR;
    if (sponsor === 'EU' || sponsor === 'BELGIAN') {
      return { months: 6, basis: 'Law 15/12/1980 art. 42 §1: family of an EU citizen or a Belgian, 6 months', confidence: 'H' };
    }
    return null;
  }
  return DECISION_PERIODS[procedure] ?? null;
}
