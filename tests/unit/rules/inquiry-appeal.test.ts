import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import { appealDueFromNotification, daysLeft, isAppealUrgent } from '@/lib/rules/inquiry-appeal';

describe('the appeal time a person is shown on the public form', () => {
  it('is the ordinary 30 days from notification', () => {
    expect(appealDueFromNotification('2026-11-30')).toBe('2026-12-30');
  });

  it('moves to the next working day when day 30 is a weekend or a public holiday', () => {
    // 3 Jan 2027 + 30 = Tue 2 Feb: a working day, unchanged.
    expect(appealDueFromNotification('2027-01-03')).toBe('2027-02-02');
    // 7 Nov 2026 + 30 = Mon 7 Dec.
    expect(appealDueFromNotification('2026-11-07')).toBe('2026-12-07');
    // 5 Nov 2026 + 30 = Sat 5 Dec: Monday 7 Dec.
    expect(appealDueFromNotification('2026-11-05')).toBe('2026-12-07');
    // 25 Nov 2026 + 30 = Fri 25 Dec (Christmas): Monday 28 Dec.
    expect(appealDueFromNotification('2026-11-25')).toBe('2026-12-28');
  });

  it('counts days left in calendar days: 0 on the last day, negative after it', () => {
    expect(daysLeft('2026-12-30', '2026-12-07')).toBe(23);
    expect(daysLeft('2026-12-30', '2026-12-30')).toBe(0);
    expect(daysLeft('2026-12-30', '2027-01-02')).toBe(-3);
  });

  it("is the same date the case's own appeal deadline gets once the refusal is recorded (ordinary regime)", () => {
    for (const notifiedOn of ['2026-10-02', '2026-06-21', '2028-01-30', '2026-11-25']) {
      const [deadline] = computeDeadlines({ citizenship: 'NON_EU', decision: { outcome: 'REFUSED', notifiedOn, regime: 'ORDINARY' } }).filter((d) => d.kind === 'APPEAL');
      expect(appealDueFromNotification(notifiedOn)).toBe(deadline?.dueOn);
    }
  });

  it('is urgent for the staff list with fewer than 10 days left, not once passed', () => {
    expect(isAppealUrgent('2026-11-02', '2026-10-23')).toBe(false);
    expect(isAppealUrgent('2026-11-02', '2026-10-24')).toBe(true);
    expect(isAppealUrgent('2026-11-02', '2026-11-02')).toBe(true);
    expect(isAppealUrgent('2026-11-02', '2026-11-03')).toBe(false);
  });
});
