import { describe, expect, it } from 'vitest';
import {
  CARDS,
  cardValidityMonths,
  effectiveCardExpiry,
  isOldLayoutFamilyCard,
  parseCardType,
  typicalValidUntil,
} from '@/lib/rules/cards';
import { CARD_TYPES } from '@/lib/rules/vocabulary';

describe('card types', () => {
  it.each([
    ['A', 'A'],
    ['K', 'K'],
    ['EU_PLUS', 'EU_PLUS'],
    ['F_PLUS', 'F_PLUS'],
    ['ORANGE', 'ORANGE'],
    ['C', 'K'],
    ['D', 'L'],
    ['E', 'EU'],
    ['E+', 'EU_PLUS'],
    ['EU+', 'EU_PLUS'],
    ['F+', 'F_PLUS'],
    [' c ', 'K'],
    ['e+', 'EU_PLUS'],
    ['orange', 'ORANGE'],
  ])('parses %j as %s', (input, expected) => {
    expect(parseCardType(input)).toBe(expected);
  });

  it.each(['G', 'AI', '', 'E++', 'EU +', 'F-PLUS'])('rejects %j', (input) => {
    expect(parseCardType(input)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(parseCardType(undefined)).toBeNull();
    expect(parseCardType(3)).toBeNull();
  });

  it('maps every legacy letter to the card that replaced it', () => {
    const legacy = Object.values(CARDS)
      .filter((card) => card.legacyLetter)
      .map((card) => [card.legacyLetter, card.type]);
    expect(legacy).toEqual([
      ['C', 'K'],
      ['D', 'L'],
      ['E', 'EU'],
      ['E+', 'EU_PLUS'],
    ]);
    for (const [letter, type] of legacy) expect(parseCardType(letter)).toBe(type);
  });

  it('defines every canonical card with its stay and validity', () => {
    expect(Object.keys(CARDS).sort()).toEqual([...CARD_TYPES].sort());
    const table = Object.fromEntries(CARD_TYPES.map((type) => [type, [CARDS[type].stay, CARDS[type].validityMonths]]));
    expect(table).toEqual({
      A: ['LIMITED', 12],
      B: ['UNLIMITED', 60],
      K: ['UNLIMITED', 120],
      L: ['UNLIMITED', 120],
      EU: ['UNLIMITED', 60],
      EU_PLUS: ['UNLIMITED', 60],
      F: ['LIMITED', 60],
      F_PLUS: ['UNLIMITED', 120],
      H: ['LIMITED', null],
      ORANGE: ['PROVISIONAL', null],
      I: ['LIMITED', null],
      J: ['LIMITED', null],
      M: ['UNLIMITED', null],
      N: ['LIMITED', null],
    });
  });

  it('gives F+ cards issued before 11 Oct 2021 five years, later ones ten', () => {
    expect(cardValidityMonths('F_PLUS', '2021-10-10')).toBe(60);
    expect(cardValidityMonths('F_PLUS', '2021-10-11')).toBe(120);
    expect(cardValidityMonths('F_PLUS')).toBe(120);
    expect(cardValidityMonths('A', '2020-01-01')).toBe(12);
  });

  it('computes the usual last day of validity, leap days included', () => {
    expect(typicalValidUntil('A', '2026-07-13')).toBe('2027-07-12');
    expect(typicalValidUntil('A', '2028-02-29')).toBe('2029-02-27');
    expect(typicalValidUntil('K', '2024-03-01')).toBe('2034-02-28');
    expect(typicalValidUntil('H', '2026-01-01')).toBeNull();
  });

  it('caps old-layout F/F+ cards at 3 Aug 2026', () => {
    const old = { type: 'F' as const, validFrom: '2021-09-01', validUntil: '2026-08-31' };
    expect(isOldLayoutFamilyCard(old)).toBe(true);
    expect(effectiveCardExpiry(old)).toBe('2026-08-03');
    expect(effectiveCardExpiry({ ...old, validUntil: '2026-05-01' })).toBe('2026-05-01');
    expect(effectiveCardExpiry({ ...old, type: 'F_PLUS', validUntil: '2031-01-01' })).toBe('2026-08-03');
    // New layout, unknown issue date, or another card: the printed date stands.
    expect(effectiveCardExpiry({ ...old, validFrom: '2021-10-11', validUntil: '2026-10-10' })).toBe('2026-10-10');
    expect(effectiveCardExpiry({ type: 'F', validUntil: '2026-12-01' })).toBe('2026-12-01');
    expect(effectiveCardExpiry({ ...old, type: 'EU' })).toBe('2026-08-31');
  });
});
