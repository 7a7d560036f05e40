import type { CaseStage, Phase } from './vocabulary';

// The four phases of a case; CLOSED belongs to none because a closed case has left them all.

const STAGE_PHASE: Readonly<Record<CaseStage, Phase | null>> = {
  INTAKE: 'REGISTRATION',
  APPLICATION_FILED: 'REGISTRATION',
  RESIDENCE_CHECK: 'REGISTRATION',
  DECISION_PENDING: 'REGISTRATION',
  APPROVED: 'CARD_ISSUANCE',
  CARD_ISSUED: 'CARD_ISSUANCE',
  RENEWAL_DUE: 'RENEWAL',
  RENEWAL_FILED: 'RENEWAL',
  REFUSED: 'APPEAL',
  APPEAL_FILED: 'APPEAL',
  APPEAL_DECIDED: 'APPEAL',
  CLOSED: null,
};

/** The phase a stage belongs to; null for CLOSED (terminal). */
export function phaseOf(stage: CaseStage): Phase | null {
  return STAGE_PHASE[stage];
}

