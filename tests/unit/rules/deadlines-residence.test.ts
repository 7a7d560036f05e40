import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import type { CaseFacts } from '@/lib/rules/facts';

const ofKind = (facts: CaseFacts, kind: string) => computeDeadlines(facts).filter((deadline) => deadline.kind === kind);

describe('change of address', () => {
  it.each([
    ['2026-07-15', '2026-07-28', '16, 17, 20, (21 Jul), 22, 23, 24, 27, 28'],
    ['2026-12-21', '2027-01-04', '22, 23, 24, (25), 28, 29, 30, 31, (1 Jan), 4'],
    ['2028-02-18', '2028-03-01', 'across the leap day'],
  ])('moved %s → report by %s (%s)', (movedOn, dueOn) => {
    expect(ofKind({ citizenship: 'EU', movedOn }, 'ADDRESS_CHANGE')).toMatchObject([{ dueOn, confidence: 'M', actor: 'CLIENT' }]);
  });
});

describe('absence and return', () => {
  const absence = (from: string, to?: string, card?: CaseFacts['card']): CaseFacts => ({
    citizenship: 'NON_EU',
    absences: [to ? { from, to } : { from }],
    ...(card ? { card } : {}),
  });

  it('an absence of more than 3 months: notify before leaving, report within 15 days of return, return within a year', () => {
    expect(ofKind(absence('2026-09-14', '2027-03-01'), 'RETURN_AFTER_ABSENCE')).toMatchObject([
      { ruleId: 'absence-notify-departure', dueOn: '2026-09-11', ref: 'absence:0' }, // Friday before a Monday departure
      { ruleId: 'absence-report-return', dueOn: '2027-03-16', ref: 'absence:0' },
      { ruleId: 'absence-right-of-return', dueOn: '2027-09-14', ref: 'absence:0' },
    ]);
  });

  it('a report day on a weekend or holiday rolls forward', () => {
    // Back on 17 Oct 2026 + 15 days = Sunday 1 Nov (All Saints) → Monday 2 Nov.
    const [, report] = ofKind(absence('2026-06-01', '2026-10-17'), 'RETURN_AFTER_ABSENCE');
    expect(report?.dueOn).toBe('2026-11-02');
  });

  it('EU+ and F+ holders keep their right for 2 years', () => {
    const deadlines = ofKind(absence('2026-09-14', undefined, { type: 'EU_PLUS', validUntil: '2030-01-01' }), 'RETURN_AFTER_ABSENCE');
    expect(deadlines.map((d) => [d.ruleId, d.dueOn])).toEqual([
      ['absence-notify-departure', '2026-09-11'],
      ['absence-right-of-return', '2028-09-14'],
    ]);
    expect(deadlines[1]?.basis).toContain('2 years');
    const fPlus = ofKind(absence('2028-02-29', undefined, { type: 'F_PLUS', validUntil: '2035-01-01' }), 'RETURN_AFTER_ABSENCE');
    expect(fPlus.at(-1)?.dueOn).toBe('2030-02-28');
  });

  it('an absence of at most 3 months needs nothing', () => {
    expect(ofKind(absence('2026-09-14', '2026-12-14'), 'RETURN_AFTER_ABSENCE')).toEqual([]);
    expect(ofKind(absence('2026-09-14', '2026-12-15'), 'RETURN_AFTER_ABSENCE')).toHaveLength(3);
  });

  it('refers to each absence by its position', () => {
    const facts: CaseFacts = {
      citizenship: 'EU',
      absences: [
        { from: '2026-02-02', to: '2026-03-01' },
        { from: '2027-01-11', to: '2027-06-30' },
      ],
    };
    expect(new Set(ofKind(facts, 'RETURN_AFTER_ABSENCE').map((d) => d.ref))).toEqual(new Set(['absence:1']));
  });
});
