import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import { notificationDate } from '@/lib/rules/deadlines-decision';
import type { CaseFacts, DecisionFacts } from '@/lib/rules/facts';

function appeal(decision: DecisionFacts, citizenship: CaseFacts['citizenship'] = 'NON_EU') {
  return computeDeadlines({ citizenship, decision }).filter((deadline) => deadline.kind === 'APPEAL');
}

describe('RvV/CCE appeal', () => {
  it.each([
    // notified, regime, due, why
    ['2026-10-02', 'ORDINARY', '2026-11-02', '30 days → Sun 1 Nov (also All Saints) → Mon 2 Nov'],
    ['2026-10-12', 'ORDINARY', '2026-11-12', '30 days → Wed 11 Nov (Armistice) → Thu 12 Nov'],
    ['2026-06-21', 'ORDINARY', '2026-07-22', '30 days → Tue 21 Jul (National Day) → Wed 22 Jul'],
    ['2026-11-25', 'ORDINARY', '2026-12-28', '30 days → Fri 25 Dec → Mon 28 Dec'],
    ['2027-03-01', 'ORDINARY', '2027-03-31', '30 days → a Wednesday, unchanged'],
    ['2028-01-30', 'ORDINARY', '2028-02-29', '30 days in a leap year → Tue 29 Feb'],
    ['2027-01-30', 'ORDINARY', '2027-03-01', '30 days in a common year → Mon 1 Mar'],
    ['2026-05-04', 'DETAINED', '2026-05-15', '10 days → Thu 14 May (Ascension) → Fri 15 May'],
    ['2026-12-15', 'DETAINED', '2026-12-28', '10 days → Fri 25 Dec → Mon 28 Dec'],
    ['2026-04-03', 'EXTREME_URGENCY', '2026-04-13', '10 days → Mon 13 Apr, unchanged'],
    ['2026-03-27', 'EXTREME_URGENCY', '2026-04-07', '10 days → Mon 6 Apr (Easter Monday) → Tue 7 Apr'],
    ['2026-05-20', 'EXTREME_URGENCY_REPEAT', '2026-05-26', '5 days → Mon 25 May (Whit Monday) → Tue 26 May'],
    ['2026-07-16', 'EXTREME_URGENCY_REPEAT', '2026-07-22', '5 days → Tue 21 Jul → Wed 22 Jul'],
  ] as const)('notified %s, %s → %s (%s)', (notifiedOn, regime, dueOn, _why) => {
    expect(appeal({ outcome: 'REFUSED', notifiedOn, regime })).toMatchObject([
      { dueOn, confidence: 'H', actor: 'ADVISOR', ruleId: 'appeal-rvv' },
    ]);
  });

  it('treats a withdrawal like a refusal and gives no appeal after an approval', () => {
    expect(appeal({ outcome: 'WITHDRAWN', notifiedOn: '2026-10-02', regime: 'ORDINARY' })[0]?.dueOn).toBe('2026-11-02');
    expect(appeal({ outcome: 'APPROVED', notifiedOn: '2026-10-02', regime: 'ORDINARY' })).toEqual([]);
    expect(appeal({ notifiedOn: '2026-10-02' })).toEqual([]);
    expect(appeal({ outcome: 'REFUSED' })).toEqual([]);
  });

  it('uses the ordinary 30 days when no regime is recorded', () => {
    expect(appeal({ outcome: 'REFUSED', notifiedOn: '2026-10-02' })[0]?.dueOn).toBe('2026-11-02');
  });

  it('uses the period stated on the decision (asylum) instead of the regime', () => {
    const [stated] = appeal({ outcome: 'REFUSED', notifiedOn: '2026-10-02', regime: 'ORDINARY', statedPeriodDays: 15 });
    expect(stated?.dueOn).toBe('2026-10-19'); // 17 Oct is a Saturday → Monday 19
    expect(stated?.basis).toContain('15 days');
  });

  it('derives notification from a registered letter posted on a known date', () => {
    expect(notificationDate({ postedOn: '2026-09-29' })).toBe('2026-10-02');
    expect(notificationDate({ notifiedOn: '2026-10-05', postedOn: '2026-09-29' })).toBe('2026-10-05');
    expect(notificationDate({})).toBeNull();
    const [posted] = appeal({ outcome: 'REFUSED', postedOn: '2026-09-29', regime: 'ORDINARY' });
    expect(posted?.dueOn).toBe('2026-11-02');
    expect(posted?.basis).toContain('3rd working day after posting');
  });

  it('does not apply to notifications before the RvV existed (1 Jun 2007)', () => {
    expect(appeal({ outcome: 'REFUSED', notifiedOn: '2007-05-31' })).toEqual([]);
    expect(appeal({ outcome: 'REFUSED', notifiedOn: '2007-06-01' })[0]?.dueOn).toBe('2007-07-02');
  });

  it('applies to EU citizens too', () => {
    expect(appeal({ outcome: 'REFUSED', notifiedOn: '2026-10-02' }, 'EU')).toHaveLength(1);
  });
});

describe('authority decision period (DECISION_DUE)', () => {
  const due = (facts: Partial<CaseFacts>) =>
    computeDeadlines({ citizenship: 'NON_EU', ...facts }).filter((deadline) => deadline.kind === 'DECISION_DUE');

  it.each([
    [{ procedure: 'FAMILY_REUNIFICATION', sponsor: 'NON_EU', applicationFiledOn: '2026-01-15' }, '2026-10-15', 'H'],
    [{ procedure: 'FAMILY_REUNIFICATION', sponsor: 'NON_EU', applicationFiledOn: '2026-01-15', decisionPeriodExtensions: 1 }, '2027-01-15', 'H'],
    [{ procedure: 'FAMILY_REUNIFICATION', sponsor: 'NON_EU', applicationFiledOn: '2026-01-15', decisionPeriodExtensions: 2 }, '2027-04-15', 'H'],
    [{ procedure: 'FAMILY_REUNIFICATION', sponsor: 'BELGIAN', applicationFiledOn: '2026-01-15' }, '2026-07-15', 'H'],
    [{ procedure: 'LONG_TERM_RESIDENCE', applicationFiledOn: '2026-03-31' }, '2026-08-31', 'H'],
    [{ procedure: 'REGISTRATION_EU', applicationFiledOn: '2026-05-01' }, '2026-11-02', 'H'], // 1 Nov Sunday+holiday
    [{ procedure: 'SINGLE_PERMIT', applicationFiledOn: '2026-03-21' }, '2026-07-22', 'L'], // 21 Jul → 22 Jul
    [{ procedure: 'LONG_TERM_RESIDENCE', applicationFiledOn: '2026-03-31', decisionPeriodExtensions: 2 }, '2026-08-31', 'H'], // no extensions for LTR
  ] as const)('%j → %s (%s)', (facts, dueOn, confidence) => {
    expect(due(facts)).toMatchObject([{ dueOn, confidence, actor: 'ADVISOR', ruleId: 'decision-due' }]);
  });

  it('is absent once the decision is known, without a filing date, or when no period is tracked', () => {
    expect(due({ procedure: 'LONG_TERM_RESIDENCE', applicationFiledOn: '2026-03-31', decision: { outcome: 'APPROVED' } })).toEqual([]);
    expect(due({ procedure: 'LONG_TERM_RESIDENCE' })).toEqual([]);
    expect(due({ applicationFiledOn: '2026-03-31' })).toEqual([]);
    expect(due({ procedure: 'STUDY', applicationFiledOn: '2026-03-31' })).toEqual([]);
    expect(due({ procedure: 'FAMILY_REUNIFICATION', applicationFiledOn: '2026-03-31' })).toEqual([]);
  });

  it('mentions the extensions in the basis', () => {
    const [deadline] = due({ procedure: 'FAMILY_REUNIFICATION', sponsor: 'NON_EU', applicationFiledOn: '2026-01-15', decisionPeriodExtensions: 2 });
    expect(deadline?.basis).toContain('extended 2×');
  });
});
