import { describe, expect, it } from 'vitest';
import { checklistFor, CHECKLISTS } from '@/lib/rules/checklists';
import {
  checkDocuments,
  meansThresholdOn,
  meetsMeansThreshold,
  readyToSubmit,
  type ProvidedDocument,
} from '@/lib/rules/document-checks';
import { PROCEDURES } from '@/lib/rules/vocabulary';

const keys = (procedure: Parameters<typeof checklistFor>[0], options = {}) => checklistFor(procedure, options).map((r) => r.key);

describe('checklists per procedure', () => {
  it('has a non-empty checklist for every procedure, without duplicates', () => {
    for (const procedure of PROCEDURES) {
      const list = CHECKLISTS[procedure].map((requirement) => requirement.key);
      expect(list.length, procedure).toBeGreaterThan(0);
      expect(new Set(list).size, procedure).toBe(list.length);
    }
  });

  it('asks family reunification for the full DOMAIN list', () => {
    expect(keys('FAMILY_REUNIFICATION')).toEqual([
      'passport',
      'visa',
      'birth-certificate',
      'marriage-certificate',
      'proof-of-means',
      'proof-of-accommodation',
      'health-insurance',
      'medical-certificate',
      'criminal-record',
    ]);
  });

  it('drops the criminal record for a minor and the marriage certificate for a child', () => {
    expect(keys('FAMILY_REUNIFICATION', { adult: false, spouseOrPartner: false })).toEqual([
      'passport',
      'visa',
      'birth-certificate',
      'proof-of-means',
      'proof-of-accommodation',
      'health-insurance',
      'medical-certificate',
    ]);
    expect(keys('STUDY', { adult: true })).toContain('criminal-record');
  });

  it('asks nationality for the integration proofs and the RvV appeal for the decision', () => {
    expect(keys('NATIONALITY_DECLARATION')).toEqual([
      'birth-certificate',
      'residence-card',
      'language-certificate',
      'integration-proof',
      'economic-participation',
    ]);
    expect(keys('APPEAL_RVV')).toEqual(['decision-letter', 'passport']);
  });
});

describe('document checks on the submission date', () => {
  const submissionOn = '2026-11-23';
  const passport: ProvidedDocument = { kind: 'PASSPORT', expiresOn: '2030-01-01' };

  const findingsFor = (procedure: Parameters<typeof checkDocuments>[0], documents: ProvidedDocument[], key: string, extra = {}) =>
    checkDocuments(procedure, documents, { submissionOn, ...extra })
      .find((check) => check.requirement.key === key)
      ?.findings.map((finding) => `${finding.code}:${finding.severity}`);

  it.each([
    ['2026-05-23', []], // exactly 6 months old: still fine
    ['2026-05-22', ['CERTIFICATE_TOO_OLD:WARNING']],
    [undefined, ['ISSUE_DATE_UNKNOWN:WARNING']],
  ])('a medical certificate issued %s', (issuedOn, expected) => {
    const medical: ProvidedDocument = issuedOn ? { kind: 'MEDICAL_CERTIFICATE', issuedOn } : { kind: 'MEDICAL_CERTIFICATE' };
    expect(findingsFor('SINGLE_PERMIT', [passport, medical], 'medical-certificate')).toEqual(expected);
  });

  it('warns for an old criminal record extract too (leap-year submission)', () => {
    const criminal: ProvidedDocument = { kind: 'CRIMINAL_RECORD', issuedOn: '2027-08-29' };
    expect(
      checkDocuments('STUDY', [criminal], { submissionOn: '2028-02-29' }).find((c) => c.requirement.key === 'criminal-record')?.findings,
    ).toEqual([]);
    expect(
      checkDocuments('STUDY', [{ ...criminal, issuedOn: '2027-08-28' }], { submissionOn: '2028-02-29' }).find(
        (c) => c.requirement.key === 'criminal-record',
      )?.findings,
    ).toEqual([{ code: 'CERTIFICATE_TOO_OLD', severity: 'WARNING' }]);
  });

  it.each([
    ['2030-01-01', undefined, []],
    ['2027-11-23', undefined, []],
    ['2027-11-22', undefined, ['PASSPORT_VALID_UNDER_12_MONTHS:WARNING']],
    ['2030-01-01', '2031-06-30', ['PASSPORT_EXPIRES_DURING_STAY:WARNING']],
    ['2026-11-23', undefined, ['PASSPORT_VALID_UNDER_12_MONTHS:WARNING']],
    ['2026-11-22', undefined, ['EXPIRED:BLOCKING']],
  ])('a passport valid until %s (stay until %s)', (expiresOn, stayUntil, expected) => {
    const extra = stayUntil ? { stayUntil } : {};
    expect(findingsFor('REGISTRATION_NON_EU', [{ kind: 'PASSPORT', expiresOn }], 'passport', extra)).toEqual(expected);
  });

  it('an expired visa or insurance is a warning, a passport without expiry date is not checked', () => {
    expect(findingsFor('STUDY', [{ kind: 'HEALTH_INSURANCE', expiresOn: '2026-10-31' }], 'health-insurance')).toEqual(['EXPIRED:WARNING']);
    expect(findingsFor('STUDY', [{ kind: 'PASSPORT' }], 'passport')).toEqual([]);
  });

  it('blocks only on missing documents and an expired passport', () => {
    const complete: ProvidedDocument[] = [
      passport,
      { kind: 'VISA', expiresOn: '2027-01-01' },
      { kind: 'PROOF_OF_ACCOMMODATION' },
    ];
    expect(readyToSubmit(checkDocuments('REGISTRATION_NON_EU', complete, { submissionOn }))).toBe(true);
    const withoutVisa = checkDocuments('REGISTRATION_NON_EU', [passport, { kind: 'PROOF_OF_ACCOMMODATION' }], { submissionOn });
    expect(withoutVisa.find((c) => c.requirement.key === 'visa')).toMatchObject({ document: null, findings: [{ code: 'MISSING', severity: 'BLOCKING' }] });
    expect(readyToSubmit(withoutVisa)).toBe(false);
    // A passport expiring within 12 months warns but does not block.
    const shortPassport = complete.map((d) => (d.kind === 'PASSPORT' ? { ...d, expiresOn: '2027-03-01' } : d));
    expect(readyToSubmit(checkDocuments('REGISTRATION_NON_EU', shortPassport, { submissionOn }))).toBe(true);
  });

  it('accepts one proof of status for an EU citizen', () => {
    const checks = checkDocuments('REGISTRATION_EU', [passport, { kind: 'STUDENT_ENROLMENT' }], { submissionOn });
    expect(readyToSubmit(checks)).toBe(true);
    expect(checks.find((c) => c.requirement.key === 'employment-contract')?.document).toEqual({ kind: 'STUDENT_ENROLMENT' });
    expect(readyToSubmit(checkDocuments('REGISTRATION_EU', [passport], { submissionOn }))).toBe(false);
  });

  it('matches documents of kind OTHER by their requirement key', () => {
    const documents: ProvidedDocument[] = [
      { kind: 'BIRTH_CERTIFICATE' },
      { kind: 'RESIDENCE_CARD' },
      { kind: 'OTHER', requirementKey: 'language-certificate' },
      { kind: 'OTHER', requirementKey: 'integration-proof' },
    ];
    const checks = checkDocuments('NATIONALITY_DECLARATION', documents, { submissionOn });
    expect(checks.filter((c) => c.document === null).map((c) => c.requirement.key)).toEqual(['economic-participation']);
  });
});

describe('means of subsistence (dated parameters)', () => {
  it.each([
    ['2024-04-30', null],
    ['2024-05-01', 208_955],
    ['2024-12-31', 208_955],
    ['2025-01-01', 213_128],
    ['2026-11-23', 213_128],
  ])('on %s the threshold is %s cents', (on, cents) => {
    expect(meansThresholdOn(on)?.monthlyNetCents ?? null).toBe(cents);
  });

  it('compares an income with the threshold in force', () => {
    expect(meetsMeansThreshold(210_000, '2024-12-31')).toBe(true);
    expect(meetsMeansThreshold(210_000, '2025-01-01')).toBe(false);
    expect(meetsMeansThreshold(213_128, '2025-01-01')).toBe(true);
    expect(meetsMeansThreshold(500_000, '2020-01-01')).toBeNull();
  });
});
