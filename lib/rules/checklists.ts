import type { DocumentKind, Procedure } from './vocabulary';

// Default document checklists per procedure (DOMAIN "Documents a procedure asks for"). Firms edit them per
// case; the `key` is stored on the checklist item (ruleKey) so a later change of the defaults can be traced.

export const REQUIREMENT_KEYS = [
  'passport',
  'visa',
  'proof-of-means',
  'proof-of-accommodation',
  'health-insurance',
  'medical-certificate',
  'criminal-record',
  'birth-certificate',
  'marriage-certificate',
  'employment-contract',
  'single-permit-approval',
  'student-enrolment',
  'residence-card',
  'decision-letter',
  'language-certificate',
  'integration-proof',
  'economic-participation',
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

export interface Requirement {
  key: RequirementKey;
  documentKind: DocumentKind;
  /** Only for adults (criminal record extract: 18+). */
  adultsOnly?: boolean;
  /** Only for a spouse or registered partner (marriage or partnership certificate). */
  spouseOrPartnerOnly?: boolean;
  /** The certificate may be at most this old on the day the file is submitted (a warning otherwise). */
  maxAgeMonths?: number;
  /** Civil-status documents: legalised or apostilled, with a sworn translation unless in NL, FR, DE or EN. */
  legalisation?: boolean;
  /** Requirements sharing a group are alternatives: one of them is enough. */
  oneOf?: string;
}

const CERTIFICATE_MAX_AGE_MONTHS = 6;

const R = {
  passport: { key: 'passport', documentKind: 'PASSPORT' },
  visa: { key: 'visa', documentKind: 'VISA' },
  means: { key: 'proof-of-means', documentKind: 'PROOF_OF_MEANS' },
  accommodation: { key: 'proof-of-accommodation', documentKind: 'PROOF_OF_ACCOMMODATION' },
  insurance: { key: 'health-insurance', documentKind: 'HEALTH_INSURANCE' },
  medical: { key: 'medical-certificate', documentKind: 'MEDICAL_CERTIFICATE', maxAgeMonths: CERTIFICATE_MAX_AGE_MONTHS },
  criminal: {
    key: 'criminal-record',
    documentKind: 'CRIMINAL_RECORD',
    adultsOnly: true,
    maxAgeMonths: CERTIFICATE_MAX_AGE_MONTHS,
    legalisation: true,
  },
  birth: { key: 'birth-certificate', documentKind: 'BIRTH_CERTIFICATE', legalisation: true },
  marriage: { key: 'marriage-certificate', documentKind: 'MARRIAGE_CERTIFICATE', spouseOrPartnerOnly: true, legalisation: true },
  contract: { key: 'employment-contract', documentKind: 'EMPLOYMENT_CONTRACT' },
  singlePermit: { key: 'single-permit-approval', documentKind: 'SINGLE_PERMIT_APPROVAL' },
  enrolment: { key: 'student-enrolment', documentKind: 'STUDENT_ENROLMENT' },
  card: { key: 'residence-card', documentKind: 'RESIDENCE_CARD' },
  decision: { key: 'decision-letter', documentKind: 'DECISION_LETTER' },
  language: { key: 'language-certificate', documentKind: 'OTHER' },
  integration: { key: 'integration-proof', documentKind: 'OTHER' },
  work: { key: 'economic-participation', documentKind: 'OTHER' },
} as const satisfies Record<string, Requirement>;

/** An EU citizen registers as worker, student or self-sufficient person: one proof of status is enough. */
const EU_STATUS = 'eu-status';

export const CHECKLISTS: Readonly<Record<Procedure, readonly Requirement[]>> = {
  REGISTRATION_NON_EU: [R.passport, R.visa, R.accommodation],
  REGISTRATION_EU: [
    R.passport,
    { ...R.contract, oneOf: EU_STATUS },
    { ...R.enrolment, oneOf: EU_STATUS },
    { ...R.means, oneOf: EU_STATUS },
  ],
  FAMILY_REUNIFICATION: [R.passport, R.visa, R.birth, R.marriage, R.means, R.accommodation, R.insurance, R.medical, R.criminal],
  SINGLE_PERMIT: [R.passport, R.visa, R.singlePermit, R.contract, R.medical, R.criminal],
  STUDY: [R.passport, R.visa, R.enrolment, R.means, R.insurance, R.medical, R.criminal],
  EU_BLUE_CARD: [R.passport, R.visa, R.contract, R.singlePermit, R.insurance],
  LONG_TERM_RESIDENCE: [R.passport, R.card, R.means, R.insurance],
  PERMANENT_RESIDENCE_EU_FAMILY: [R.passport, R.card],
  // Nationality Code art. 12bis §1 2°: birth certificate, proof of residence, language A2, integration, 468 days of work.
  NATIONALITY_DECLARATION: [R.birth, R.card, R.language, R.integration, R.work],
  APPEAL_RVV: [R.decision, R.passport],
};

export interface ChecklistOptions {
  /** Unknown (undefined) keeps the item: better one document too many than one missing. */
  adult?: boolean;
  spouseOrPartner?: boolean;
}

/** The default checklist of a procedure for this person. */
export function checklistFor(procedure: Procedure, options: ChecklistOptions = {}): Requirement[] {
  return CHECKLISTS[procedure].filter(
    (requirement) =>
      !(requirement.adultsOnly && options.adult === false) && !(requirement.spouseOrPartnerOnly && options.spouseOrPartner === false),
  );
}
