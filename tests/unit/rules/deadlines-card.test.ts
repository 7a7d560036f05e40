import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '@/lib/rules/deadlines';
import type { CaseFacts } from '@/lib/rules/facts';
import { DEFAULT_SETTINGS, type RulesSettings } from '@/lib/rules/settings';
import { CARD_TYPES, type CardType } from '@/lib/rules/vocabulary';

const ofKind = (facts: CaseFacts, kind: string, settings: RulesSettings = DEFAULT_SETTINGS) =>
  computeDeadlines(facts, settings).filter((deadline) => deadline.kind === kind);

const holder = (type: CardType, validUntil: string, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  citizenship: 'NON_EU',
  card: { type, validUntil },
  ...extra,
});

describe('card expiry', () => {
  it.each(CARD_TYPES.map((type) => [type]))('%s card: expiry on the valid-until date', (type) => {
    expect(ofKind(holder(type, '2029-03-15'), 'CARD_EXPIRY')).toMatchObject([
      { dueOn: '2029-03-15', confidence: 'H', actor: 'CLIENT', ruleId: 'card-expiry' },
    ]);
  });

  it('keeps the printed date even on a Sunday (it is a fact, not a period)', () => {
    expect(ofKind(holder('B', '2026-11-01'), 'CARD_EXPIRY')[0]?.dueOn).toBe('2026-11-01');
  });

  it('caps an old-layout F/F+ card at 3 Aug 2026', () => {
    const facts: CaseFacts = { citizenship: 'NON_EU', card: { type: 'F_PLUS', validFrom: '2019-05-02', validUntil: '2029-05-01' } };
    expect(ofKind(facts, 'CARD_EXPIRY')).toMatchObject([
      { dueOn: '2026-08-03', ruleId: 'card-expiry-old-layout-family-card' },
    ]);
    const newLayout: CaseFacts = { citizenship: 'NON_EU', card: { type: 'F_PLUS', validFrom: '2021-10-11', validUntil: '2031-10-10' } };
    expect(ofKind(newLayout, 'CARD_EXPIRY')).toMatchObject([{ dueOn: '2031-10-10', ruleId: 'card-expiry' }]);
    const expiresFirst: CaseFacts = { citizenship: 'NON_EU', card: { type: 'F', validFrom: '2021-06-01', validUntil: '2026-05-31' } };
    expect(ofKind(expiresFirst, 'CARD_EXPIRY')).toMatchObject([{ dueOn: '2026-05-31', ruleId: 'card-expiry' }]);
  });

  it('gives nothing without a valid-until date', () => {
    expect(computeDeadlines({ citizenship: 'NON_EU', card: { type: 'A' } })).toEqual([]);
  });
});

describe('renewal window per card', () => {
  it('A card: from day 45 (disputed firm setting) to day 30 before expiry', () => {
    expect(ofKind(holder('A', '2027-03-31'), 'RENEWAL_WINDOW')).toEqual([
      expect.objectContaining({ opensOn: '2027-02-14', dueOn: '2027-03-01', confidence: 'L', disputed: true, actor: 'CLIENT' }),
    ]);
  });

  it('A card: a closing day on a weekend moves back to the Friday before', () => {
    // 12 Jul 2027 - 30 days = Saturday 12 Jun.
    expect(ofKind(holder('A', '2027-07-12'), 'RENEWAL_WINDOW')[0]).toMatchObject({ opensOn: '2027-05-28', dueOn: '2027-06-11' });
    // 31 Aug 2026 - 30 days = Saturday 1 Aug.
    expect(ofKind(holder('A', '2026-08-31'), 'RENEWAL_WINDOW')[0]?.dueOn).toBe('2026-07-31');
    // 20 Aug 2026 - 30 days = Tuesday 21 Jul (National Day) → Monday 20 Jul.
    expect(ofKind(holder('A', '2026-08-20'), 'RENEWAL_WINDOW')[0]?.dueOn).toBe('2026-07-20');
  });

  it('A card: the firm can choose 40 or 60 days; the value stays marked as disputed', () => {
    const forty = ofKind(holder('A', '2027-03-31'), 'RENEWAL_WINDOW', { renewalWindowDays: { A: 40, K: 40 } });
    expect(forty[0]).toMatchObject({ opensOn: '2027-02-19', disputed: true });
    expect(forty[0]?.basis).toContain('day 40');
    const sixty = ofKind(holder('A', '2027-03-31'), 'RENEWAL_WINDOW', { renewalWindowDays: { A: 60 } });
    expect(sixty[0]?.opensOn).toBe('2027-01-30');
  });

  it('K card (legacy C): 40th to 30th day before expiry, high confidence, not disputed', () => {
    const [window] = ofKind(holder('K', '2034-02-28'), 'RENEWAL_WINDOW');
    expect(window).toMatchObject({ opensOn: '2034-01-19', dueOn: '2034-01-27', confidence: 'H' }); // 29 Jan is a Sunday
    expect(window?.disputed).toBeUndefined();
  });

  it('K card with a firm value other than 40 is a firm setting of low confidence', () => {
    const [window] = ofKind(holder('K', '2034-02-28'), 'RENEWAL_WINDOW', { renewalWindowDays: { K: 45 } });
    expect(window).toMatchObject({ opensOn: '2034-01-14', confidence: 'L' });
    expect(window?.basis).toContain('firm setting');
  });

  it('students: at least 15 days before the A card expires, no window of 45 days', () => {
    expect(ofKind(holder('A', '2027-09-30', { isStudent: true }), 'RENEWAL_WINDOW')).toEqual([
      expect.objectContaining({ dueOn: '2027-09-15', ruleId: 'renewal-window-student', confidence: 'M' }),
    ]);
    // 30 Aug 2026 - 15 = Saturday 15 Aug (also Assumption) → Friday 14 Aug.
    expect(ofKind(holder('A', '2026-08-30', { isStudent: true }), 'RENEWAL_WINDOW')[0]?.dueOn).toBe('2026-08-14');
    expect(ofKind(holder('A', '2026-08-30', { isStudent: true }), 'RENEWAL_WINDOW')[0]?.opensOn).toBeUndefined();
  });

  it.each(['B', 'L', 'EU', 'EU_PLUS', 'F', 'F_PLUS', 'H', 'ORANGE', 'I', 'J', 'M', 'N'] as const)(
    '%s card: no window by default',
    (type) => {
      expect(ofKind(holder(type, '2030-06-30'), 'RENEWAL_WINDOW')).toEqual([]);
    },
  );

  it('any card gets a window once the firm sets one (H card: 60 days)', () => {
    expect(ofKind(holder('H', '2030-06-28'), 'RENEWAL_WINDOW', { renewalWindowDays: { H: 60 } })).toEqual([
      expect.objectContaining({ opensOn: '2030-04-29', dueOn: '2030-05-29', confidence: 'L' }),
    ]);
  });

  it('needs a card type to know the window', () => {
    expect(ofKind({ citizenship: 'NON_EU', card: { validUntil: '2030-06-30' } }, 'RENEWAL_WINDOW')).toEqual([]);
  });
});

describe('permanent residence for F card holders (Annex 22)', () => {
  it('is due before the F card expires, moved back to a working day', () => {
    expect(ofKind(holder('F', '2027-11-11'), 'PERMANENT_RESIDENCE')).toMatchObject([
      { dueOn: '2027-11-10', confidence: 'H', actor: 'CLIENT' }, // 11 Nov is Armistice
    ]);
  });

  it('opens after five years of legal residence', () => {
    const facts = holder('F', '2027-06-30', { legalResidenceSince: '2022-07-01' });
    // Five years would be reached on 1 Jul 2027, after the card expires: no opening date to show.
    expect(ofKind(facts, 'PERMANENT_RESIDENCE')[0]).not.toHaveProperty('opensOn');
    const earlier = holder('F', '2027-06-30', { legalResidenceSince: '2022-03-01' });
    expect(ofKind(earlier, 'PERMANENT_RESIDENCE')[0]).toMatchObject({ opensOn: '2027-03-01', dueOn: '2027-06-30' });
  });

  it('follows the old-layout cap and applies only to F cards', () => {
    const old: CaseFacts = { citizenship: 'NON_EU', card: { type: 'F', validFrom: '2021-09-01', validUntil: '2026-08-31' } };
    expect(ofKind(old, 'PERMANENT_RESIDENCE')[0]?.dueOn).toBe('2026-08-03');
    expect(ofKind(holder('F_PLUS', '2030-01-31'), 'PERMANENT_RESIDENCE')).toEqual([]);
    expect(ofKind(holder('A', '2030-01-31'), 'PERMANENT_RESIDENCE')).toEqual([]);
  });
});
