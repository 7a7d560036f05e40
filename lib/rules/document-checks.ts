import { checklistFor, type ChecklistOptions, type Requirement, type RequirementKey } from './checklists';
import { addMonths, compareDates, type PlainDate } from './plain-date';
import type { Confidence, DocumentKind, Procedure } from './vocabulary';

// Checks of the documents a client provided against the checklist, on the planned submission date.
// Rules the sources do not confirm (passport valid > 12 months) give warnings, never blocks.

export const FINDING_CODES = [
  'MISSING',
  'CERTIFICATE_TOO_OLD',
  'ISSUE_DATE_UNKNOWN',
  'EXPIRED',
  'PASSPORT_VALID_UNDER_12_MONTHS',
  'PASSPORT_EXPIRES_DURING_STAY',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: 'WARNING' | 'BLOCKING';
}

export interface ProvidedDocument {
  kind: DocumentKind;
  /** Set when the document answers a specific requirement (needed for kind OTHER). */
  requirementKey?: RequirementKey;
  issuedOn?: PlainDate;
  expiresOn?: PlainDate;
}

export interface RequirementCheck {
  requirement: Requirement;
  /** The document that answers the requirement, or one of its alternatives. */
  document: ProvidedDocument | null;
  findings: Finding[];
}

export interface SubmissionContext extends ChecklistOptions {
  /** Planned submission date: every age and validity is judged on it. */
  submissionOn: PlainDate;
  /** End of the intended stay, when known: the passport should outlast it. */
  stayUntil?: PlainDate;
}

/** One source asks for a passport valid more than 12 months for residence; unverified, so only a warning. */
export const PASSPORT_PREFERRED_VALIDITY_MONTHS = 12;

function answers(requirement: Requirement, document: ProvidedDocument): boolean {
  return document.requirementKey ? document.requirementKey === requirement.key : document.kind === requirement.documentKind;
}

export function documentFindings(requirement: Requirement, document: ProvidedDocument, context: SubmissionContext): Finding[] {
  const findings: Finding[] = [];
  const { submissionOn } = context;
  if (requirement.maxAgeMonths !== undefined) {
    if (!document.issuedOn) findings.push({ code: 'ISSUE_DATE_UNKNOWN', severity: 'WARNING' });
    else if (compareDates(addMonths(document.issuedOn, requirement.maxAgeMonths), submissionOn) < 0) {
      findings.push({ code: 'CERTIFICATE_TOO_OLD', severity: 'WARNING' });
    }
  }
  const expiresOn = document.expiresOn;
  if (!expiresOn) return findings;
  const isPassport = requirement.documentKind === 'PASSPORT';
  if (compareDates(expiresOn, submissionOn) < 0) {
    // An expired passport cannot support any application; other expired papers may be replaced in time.
    findings.push({ code: 'EXPIRED', severity: isPassport ? 'BLOCKING' : 'WARNING' });
    return findings;
  }
  if (!isPassport) return findings;
  if (compareDates(expiresOn, addMonths(submissionOn, PASSPORT_PREFERRED_VALIDITY_MONTHS)) < 0) {
    findings.push({ code: 'PASSPORT_VALID_UNDER_12_MONTHS', severity: 'WARNING' });
  }
  if (context.stayUntil && compareDates(expiresOn, context.stayUntil) < 0) {
    findings.push({ code: 'PASSPORT_EXPIRES_DURING_STAY', severity: 'WARNING' });
  }
  return findings;
}

/** Checks each requirement of the procedure's checklist against the documents provided. */
export function checkDocuments(
  procedure: Procedure,
  documents: readonly ProvidedDocument[],
  context: SubmissionContext,
): RequirementCheck[] {
  const requirements = checklistFor(procedure, context);
  return requirements.map((requirement) => {
    const own = documents.find((document) => answers(requirement, document));
    const alternative = requirement.oneOf
      ? requirements
          .filter((other) => other.oneOf === requirement.oneOf)
          .map((other) => documents.find((document) => answers(other, document)))
          .find((document) => document !== undefined)
      : undefined;
    const document = own ?? alternative ?? null;
    if (!document) return { requirement, document, findings: [{ code: 'MISSING', severity: 'BLOCKING' }] };
    return { requirement, document, findings: own ? documentFindings(requirement, own, context) : [] };
  });
}

/** True when nothing blocks submission (warnings allowed). */
export function readyToSubmit(checks: readonly RequirementCheck[]): boolean {
  return checks.every((check) => check.findings.every((finding) => finding.severity !== 'BLOCKING'));
}

export interface MeansThreshold {
  effectiveFrom: PlainDate;
  /** Net monthly amount in euro cents (120% of the integration income). */
  monthlyNetCents: number;
  basis: string;
  confidence: Confidence;
}

// Dated parameters, newest last. The family-reunification law of 18 Jul 2025 may change the amount: a new
// entry with its own effectiveFrom, never an edit of an old one.
export const MEANS_THRESHOLDS: readonly MeansThreshold[] = [
  {
    effectiveFrom: '2024-05-01',
    monthlyNetCents: 208_955,
    basis: '120% of the integration income: EUR 2,089.55 net per month from 1 May 2024',
    confidence: 'H',
  },
  {
    effectiveFrom: '2025-01-01',
    monthlyNetCents: 213_128,
    basis: '120% of the integration income: EUR 2,131.28 net per month from 1 Jan 2025 (law of 18 Jul 2025 may change it)',
    confidence: 'M',
  },
];

/** The threshold in force on `on`, or null before the first recorded one. */
export function meansThresholdOn(on: PlainDate): MeansThreshold | null {
  const inForce = MEANS_THRESHOLDS.filter((threshold) => compareDates(threshold.effectiveFrom, on) <= 0);
  return inForce[inForce.length - 1] ?? null;
}

/** Whether a net monthly income (in cents) reaches the threshold on `on`; null when no threshold is known. */
export function meetsMeansThreshold(monthlyNetCents: number, on: PlainDate): boolean | null {
  const threshold = meansThresholdOn(on);
  return threshold ? monthlyNetCents >= threshold.monthlyNetCents : null;
}
