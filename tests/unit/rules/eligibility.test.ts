import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import {
  eligibleFrom,
  LONG_TERM_RESIDENCE_PARAMETERS as LTR,
  NATIONALITY_PARAMETERS as NAT,
  residenceHistoryOf,
  type ResidenceHistory,
} from '@/lib/rules/eligibility';
import type { CaseFacts } from '@/lib/rules/facts';

const since = (from: string, extra: Partial<ResidenceHistory> = {}): ResidenceHistory => ({
  periods: [{ from }],
  studentPeriods: [],
  absences: [],
  ...extra,
});

describe('five years of legal residence (long-term residence rules)', () => {
  it.each([
    ['uninterrupted since 1 Jun 2021', since('2021-06-01'), '2026-06-01'],
    ['from a leap day: five years end on 28 Feb', since('2020-02-29'), '2025-02-28'],
    ['a 3-month absence counts as residence', since('2021-06-01', { absences: [{ from: '2023-01-10', to: '2023-04-10' }] }), '2026-06-01'],
    ['exactly 6 consecutive months abroad does not interrupt', since('2021-06-01', { absences: [{ from: '2023-01-10', to: '2023-07-10' }] }), '2026-06-01'],
    ['more than 6 consecutive months abroad restarts the count on return', since('2021-06-01', { absences: [{ from: '2023-01-10', to: '2023-07-11' }] }), '2028-07-11'],
    [
      'short absences totalling more than 10 months (304 days) interrupt; the count restarts on return',
      since('2021-06-01', {
        absences: [
          { from: '2022-01-01', to: '2022-06-01' },
          { from: '2023-01-01', to: '2023-06-01' },
          { from: '2024-01-01', to: '2024-01-10' },
        ],
      }),
      '2029-01-10',
    ],
    [
      'two short absences within the 10 months do not interrupt',
      since('2021-06-01', {
        absences: [
          { from: '2022-01-01', to: '2022-06-01' },
          { from: '2023-01-01', to: '2023-06-01' },
        ],
      }),
      '2026-06-01',
    ],
    [
      'two years as a student count as one',
      { periods: [{ from: '2018-09-01', to: '2020-08-31', student: true }, { from: '2020-09-01' }], studentPeriods: [], absences: [] },
      '2024-09-01',
    ],
    ['student periods given separately count half as well', since('2018-09-01', { studentPeriods: [{ from: '2018-09-01', to: '2020-08-31' }] }), '2024-09-01'],
    ['an open student period keeps counting half', since('2021-09-01', { studentPeriods: [{ from: '2021-09-01' }] }), '2031-09-01'],
    ['a gap without legal residence restarts the count', { periods: [{ from: '2015-01-01', to: '2018-12-31' }, { from: '2019-06-01' }], studentPeriods: [], absences: [] }, '2024-06-01'],
    ['a count never starts while abroad', since('2021-06-01', { absences: [{ from: '2021-05-01', to: '2021-08-01' }] }), '2026-08-01'],
    ['an absence after eligibility changes nothing', since('2021-06-01', { absences: [{ from: '2026-07-01' }] }), '2026-06-01'],
    ['residence that ended before five years never qualifies', { periods: [{ from: '2015-01-01', to: '2018-12-31' }], studentPeriods: [], absences: [] }, null],
  ] as const)('%s → %s', (_why, history, expected) => {
    expect(eligibleFrom(history, LTR)).toBe(expected);
  });

  it('treats an absence without return date as lasting, unless asOf closes it', () => {
    const history = since('2021-06-01', { absences: [{ from: '2025-01-01' }] });
    expect(eligibleFrom(history, LTR)).toBeNull();
    expect(eligibleFrom(history, LTR, '2025-03-01')).toBe('2026-06-01'); // 2 months so far: short
    expect(eligibleFrom(history, LTR, '2025-08-01')).toBe('2030-08-01'); // 7 months so far: interrupts
  });

  it('nationality counts student years in full', () => {
    const history: ResidenceHistory = {
      periods: [{ from: '2018-09-01', to: '2020-08-31', student: true }, { from: '2020-09-01' }],
      studentPeriods: [],
      absences: [],
    };
    expect(eligibleFrom(history, NAT)).toBe('2023-09-01');
  });
});

describe('residence history from the facts', () => {
  it('uses residencePeriods when given, else legalResidenceSince, else nothing', () => {
    expect(residenceHistoryOf({ citizenship: 'NON_EU' })).toBeNull();
    expect(residenceHistoryOf({ citizenship: 'NON_EU', legalResidenceSince: '2020-01-01' })?.periods).toEqual([{ from: '2020-01-01' }]);
    const periods = [{ from: '2019-01-01', to: '2019-12-31' }];
    expect(residenceHistoryOf({ citizenship: 'NON_EU', legalResidenceSince: '2020-01-01', residencePeriods: periods })?.periods).toBe(periods);
  });
});

const eligibility = (facts: CaseFacts, asOf?: string) =>
  computeDeadlines(facts, undefined, asOf).filter((deadline) => deadline.kind.endsWith('_ELIGIBLE'));

describe('eligibility deadlines', () => {
  it('gives a non-EU adult both dates from legalResidenceSince', () => {
    expect(eligibility({ citizenship: 'NON_EU', legalResidenceSince: '2021-06-01', birthDate: '1990-04-02' })).toMatchObject([
      { kind: 'LONG_TERM_RESIDENCE_ELIGIBLE', dueOn: '2026-06-01', confidence: 'H', actor: 'ADVISOR' },
      { kind: 'NATIONALITY_ELIGIBLE', dueOn: '2026-06-01', confidence: 'M', actor: 'ADVISOR' },
    ]);
  });

  it('gives nationality only from the 18th birthday', () => {
    expect(eligibility({ citizenship: 'NON_EU', legalResidenceSince: '2012-01-01', birthDate: '2010-03-15' })).toMatchObject([
      { kind: 'LONG_TERM_RESIDENCE_ELIGIBLE', dueOn: '2017-01-01' },
      { kind: 'NATIONALITY_ELIGIBLE', dueOn: '2028-03-15' },
    ]);
    // Born on a leap day: 18 on 28 Feb in a common year.
    const [, nationality] = eligibility({ citizenship: 'NON_EU', legalResidenceSince: '2012-01-01', birthDate: '2008-02-29' });
    expect(nationality?.dueOn).toBe('2026-02-28');
  });

  it('needs a birth date for nationality', () => {
    expect(eligibility({ citizenship: 'NON_EU', legalResidenceSince: '2021-06-01' }).map((d) => d.kind)).toEqual([
      'LONG_TERM_RESIDENCE_ELIGIBLE',
    ]);
  });

  it('dates long-standing residents from the 2013 Nationality Code', () => {
    expect(eligibility({ citizenship: 'NON_EU', legalResidenceSince: '2000-01-01', birthDate: '1970-01-01' })).toMatchObject([
      { kind: 'LONG_TERM_RESIDENCE_ELIGIBLE', dueOn: '2005-01-01' },
      { kind: 'NATIONALITY_ELIGIBLE', dueOn: '2013-01-01' },
    ]);
  });

  it('gives EU citizens nationality but not long-term residence, and skips L card holders', () => {
    expect(eligibility({ citizenship: 'EU', legalResidenceSince: '2021-06-01', birthDate: '1990-04-02' }).map((d) => d.kind)).toEqual([
      'NATIONALITY_ELIGIBLE',
    ]);
    const withL: CaseFacts = { citizenship: 'NON_EU', legalResidenceSince: '2015-06-01', card: { type: 'L', validUntil: '2031-01-01' } };
    expect(eligibility(withL)).toEqual([]);
  });

  it('passes asOf through to open absences', () => {
    const facts: CaseFacts = { citizenship: 'NON_EU', legalResidenceSince: '2021-06-01', absences: [{ from: '2025-01-01' }], birthDate: '1990-01-01' };
    expect(eligibility(facts)).toEqual([]);
    expect(eligibility(facts, '2025-03-01').map((d) => d.dueOn)).toEqual(['2026-06-01', '2026-06-01']);
  });
});
