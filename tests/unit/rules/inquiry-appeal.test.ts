import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import { appealDueFromNotification, daysLeft, isAppealUrgent } from '@/lib/rules/inquiry-appeal';

describe("an inquirer's appeal deadline", () => {
  it.each([
    ['2027-03-01', '2027-03-31', '30 days → a Wednesday, unchanged'],
    ['2026-10-02', '2026-11-02', '30 days → Sun 1 Nov (All Saints) → Mon 2 Nov'],
    ['2026-10-12', '2026-11-12', '30 days → Wed 11 Nov (Armistice) → Thu 12 Nov'],
    ['2026-11-25', '2026-12-28', '30 days → Fri 25 Dec → Mon 28 Dec'],
    ['2026-10-08', '2026-11-09', '30 days → Sat 7 Nov → Mon 9 Nov (weekend)'],
  ])('notified %s → appeal by %s (%s)', (notifiedOn, dueOn) => {
    expect(appealDueFromNotification(notifiedOn)).toBe(dueOn);
  });

  it("is the same date the case's own appeal deadline gets once the refusal is recorded (ordinary regime)", () => {
    for (const notifiedOn of ['2026-10-02', '2026-06-21', '2028-01-30', '2026-11-25']) {
      const [deadline] = computeDeadlines({ citizenship: 'NON_EU', decision: { outcome: 'REFUSED', notifiedOn, regime: 'ORDINARY' } }).filter((d) => d.kind === 'APPEAL');
      expect(appealDueFromNotification(notifiedOn)).toBe(deadline?.dueOn);
    }
  });

  it('counts the days left as of a Brussels day: 0 on the last day, negative after it', () => {
    expect(daysLeft('2026-11-02', '2026-10-23')).toBe(10);
    expect(daysLeft('2026-11-02', '2026-10-24')).toBe(9);
    expect(daysLeft('2026-11-02', '2026-11-02')).toBe(0);
    expect(daysLeft('2026-11-02', '2026-11-03')).toBe(-1);
    // Across a month and a year end.
    expect(daysLeft('2027-01-04', '2026-12-28')).toBe(7);
  });

  it('is urgent with fewer than 10 days left, and once passed', () => {
    expect(isAppealUrgent('2026-11-02', '2026-10-23')).toBe(false);
    expect(isAppealUrgent('2026-11-02', '2026-10-24')).toBe(true);
    expect(isAppealUrgent('2026-11-02', '2026-11-10')).toBe(true);
  });
});
