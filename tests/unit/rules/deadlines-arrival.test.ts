import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import type { CaseFacts } from '@/lib/rules/facts';

const arrivalKinds = new Set(['ARRIVAL_DECLARATION', 'REGISTRATION', 'DECLARATION_OF_PRESENCE', 'EU_REGISTRATION']);
const arrival = (facts: CaseFacts) => computeDeadlines(facts).filter((deadline) => arrivalKinds.has(deadline.kind));

describe('duties after arrival', () => {
  it.each([
    // citizenship, stay, arrived, kind, due, confidence, why
    ['NON_EU', 'SHORT', '2026-07-13', 'ARRIVAL_DECLARATION', '2026-07-16', 'H', '3 working days: Tue, Wed, Thu'],
    ['NON_EU', 'SHORT', '2026-07-17', 'ARRIVAL_DECLARATION', '2026-07-23', 'H', 'Fri → Mon 20, skip 21 Jul, Wed 22, Thu 23'],
    ['NON_EU', 'SHORT', '2026-12-23', 'ARRIVAL_DECLARATION', '2026-12-29', 'H', '24, (25 Christmas), 28, 29'],
    ['NON_EU', 'LONG', '2026-07-13', 'REGISTRATION', '2026-07-24', 'M', '8 working days across 21 Jul'],
    ['NON_EU', 'LONG', '2026-12-18', 'REGISTRATION', '2026-12-31', 'M', '21–24, (25 Christmas), 28–31 Dec'],
    ['NON_EU', 'LONG', '2026-12-22', 'REGISTRATION', '2027-01-05', 'M', '23, 24, 28–31 Dec, (1 Jan), 4, 5 Jan'],
    ['EU', 'SHORT', '2026-07-13', 'DECLARATION_OF_PRESENCE', '2026-07-28', 'H', '10 working days across 21 Jul'],
    ['EU', 'SHORT', '2026-12-21', 'DECLARATION_OF_PRESENCE', '2027-01-06', 'H', 'across Christmas and New Year'],
    ['EU', 'LONG', '2026-07-13', 'EU_REGISTRATION', '2026-10-13', 'H', '3 months, a Tuesday'],
    ['EU', 'LONG', '2026-08-01', 'EU_REGISTRATION', '2026-11-02', 'H', '1 Nov is a Sunday and All Saints'],
    ['EU', 'LONG', '2027-11-29', 'EU_REGISTRATION', '2028-02-29', 'H', 'leap day'],
    ['EU', 'LONG', '2026-11-30', 'EU_REGISTRATION', '2027-03-01', 'H', '28 Feb 2027 is a Sunday'],
  ] as const)('%s %s arrived %s → %s on %s (%s, %s)', (citizenship, stay, arrivedOn, kind, dueOn, confidence, _why) => {
    expect(arrival({ citizenship, stay, arrivedOn })).toMatchObject([{ kind, dueOn, confidence, actor: 'CLIENT' }]);
  });

  it('assumes no duty when the length of stay or the arrival date is unknown', () => {
    expect(arrival({ citizenship: 'NON_EU', arrivedOn: '2026-07-13' })).toEqual([]);
    expect(arrival({ citizenship: 'EU', stay: 'LONG' })).toEqual([]);
  });

  it('applies the full-file rule from 1 Sep 2025, judged on the last day to register', () => {
    const before = arrival({ citizenship: 'EU', stay: 'LONG', arrivedOn: '2025-05-15' });
    expect(before).toMatchObject([{ ruleId: 'eu-registration', dueOn: '2025-08-18' }]); // 15 Aug holiday, weekend
    expect(before[0]?.basis).not.toContain('full file');

    const straddling = arrival({ citizenship: 'EU', stay: 'LONG', arrivedOn: '2025-06-15' });
    expect(straddling).toMatchObject([{ ruleId: 'eu-registration-full-file', dueOn: '2025-09-15' }]);
    expect(straddling[0]?.basis).toContain('full file');

    const lastOld = arrival({ citizenship: 'EU', stay: 'LONG', arrivedOn: '2025-05-29' });
    expect(lastOld).toMatchObject([{ ruleId: 'eu-registration', dueOn: '2025-08-29' }]);
  });
});
