// The shared vocabulary of Sejour. The Prisma schema declares enums with exactly these values, so the
// arrays are the single source: change one here and the schema must follow.

export const PROCEDURES = [
  'REGISTRATION_NON_EU',
  'REGISTRATION_EU',
  'FAMILY_REUNIFICATION',
  'SINGLE_PERMIT',
  'STUDY',
  'EU_BLUE_CARD',
  'LONG_TERM_RESIDENCE',
  'PERMANENT_RESIDENCE_EU_FAMILY',
  'NATIONALITY_DECLARATION',
  'APPEAL_RVV',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const CARD_TYPES = ['A', 'B', 'K', 'L', 'EU', 'EU_PLUS', 'F', 'F_PLUS', 'H', 'ORANGE', 'I', 'J', 'M', 'N'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const CASE_STAGES = [
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
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const PHASES = ['REGISTRATION', 'CARD_ISSUANCE', 'RENEWAL', 'APPEAL'] as const;
export type Phase = (typeof PHASES)[number];

export const DEADLINE_KINDS = [
  'ARRIVAL_DECLARATION',
  'REGISTRATION',
  'DECLARATION_OF_PRESENCE',
  'EU_REGISTRATION',
  'APPEAL',
  'RENEWAL_WINDOW',
  'CARD_EXPIRY',
  'PERMANENT_RESIDENCE',
  'ADDRESS_CHANGE',
  'RETURN_AFTER_ABSENCE',
  'LONG_TERM_RESIDENCE_ELIGIBLE',
  'NATIONALITY_ELIGIBLE',
  'DECISION_DUE',
  'DOCUMENT_EXPIRY',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const APPEAL_REGIMES = ['ORDINARY', 'DETAINED', 'EXTREME_URGENCY', 'EXTREME_URGENCY_REPEAT'] as const;
export type AppealRegime = (typeof APPEAL_REGIMES)[number];

export const DECISION_OUTCOMES = ['REFUSED', 'WITHDRAWN', 'APPROVED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const CONFIDENCES = ['H', 'M', 'L'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const ACTORS = ['CLIENT', 'ADVISOR'] as const;
export type Actor = (typeof ACTORS)[number];

export const LOCALES = ['en', 'nl', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const CITIZENSHIPS = ['EU', 'NON_EU'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

export const STAY_LENGTHS = ['SHORT', 'LONG'] as const;
export type StayLength = (typeof STAY_LENGTHS)[number];

/** Who the family-reunification sponsor is: it decides the authority's decision period. */
export const SPONSORS = ['NON_EU', 'EU', 'BELGIAN'] as const;
export type Sponsor = (typeof SPONSORS)[number];

/** What the RvV/CCE decided on an appeal. */
export const APPEAL_RESULTS = ['ANNULLED', 'SUSPENDED', 'REJECTED'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/** One value in a localized triple; every label table is typed with it so a missing language fails to compile. */
export type Localized = Readonly<Record<Locale, string>>;

/** Kinds of documents a client hands in; the Prisma enum DocumentKind has exactly these values. */
export const DOCUMENT_KINDS = [
  'PASSPORT',
  'VISA',
  'RESIDENCE_CARD',
  'BIRTH_CERTIFICATE',
  'MARRIAGE_CERTIFICATE',
  'MEDICAL_CERTIFICATE',
  'CRIMINAL_RECORD',
  'PROOF_OF_MEANS',
  'PROOF_OF_ACCOMMODATION',
  'HEALTH_INSURANCE',
  'EMPLOYMENT_CONTRACT',
  'SINGLE_PERMIT_APPROVAL',
  'STUDENT_ENROLMENT',
  'DECISION_LETTER',
  'APPEAL_PETITION',
  'PHOTO',
  'TRANSLATION',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
