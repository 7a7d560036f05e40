import { describe, expect, it } from 'vitest';
import { formatPoints, itemLabel, itemOn, POINT_LISTS, pointListById, pointListOn, pointsFor, type PointList } from '@/lib/rules/legal-aid-points';
import { LOCALES } from '@/lib/rules/vocabulary';

describe('legal-aid point lists', () => {
  it('are marked unverified, ordered and contiguous', () => {
    for (const list of POINT_LISTS) {
      expect(list.confidence).toBe('L');
      expect(list.source).toContain('to verify against the published nomenclature');
    }
    for (let i = 1; i < POINT_LISTS.length; i++) expect(POINT_LISTS[i - 1]!.effectiveUntil).toBe(POINT_LISTS[i]!.effectiveFrom);
    expect(POINT_LISTS.at(-1)!.effectiveUntil).toBeUndefined();
  });

  it('give every item a positive value in hundredths and a label in each language, codes unique per list', () => {
    for (const list of POINT_LISTS) {
      expect(new Set(list.items.map((i) => i.code)).size).toBe(list.items.length);
      for (const entry of list.items) {
        expect(Number.isInteger(entry.points) && entry.points > 0).toBe(true);
        for (const locale of LOCALES) expect(entry.labels[locale].length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['2016-08-31', null],
    ['2016-09-01', '2016'],
    ['2024-08-31', '2016'],
    ['2024-09-01', '2024'],
    ['2031-01-01', '2024'],
    ['not-a-date', null],
    ['2024-02-30', null],
  ])('on %s the list in force is %s', (date, id) => {
    expect(pointListOn(date)?.id ?? null).toBe(id);
  });

  it('finds no list in a gap between two lists', () => {
    const lists: PointList[] = [
      { id: 'a', effectiveFrom: '2020-01-01', effectiveUntil: '2020-06-01', source: 's', confidence: 'L', items: [] },
      { id: 'b', effectiveFrom: '2020-07-01', source: 's', confidence: 'L', items: [] },
    ];
    expect(pointListOn('2020-06-15', lists)).toBeNull();
    expect(pointListOn('2020-05-31', lists)?.id).toBe('a');
    expect(pointListOn('2020-07-01', lists)?.id).toBe('b');
  });

  it('values the same service by the list of the day it was performed, on either side of the boundary day', () => {
    expect(pointsFor('RVV_SUSPENSION', 1, '2024-08-31')).toEqual({ pointListId: '2016', pointsHundredths: 1200 });
    expect(pointsFor('RVV_SUSPENSION', 1, '2024-09-01')).toEqual({ pointListId: '2024', pointsHundredths: 1500 });
    expect(pointsFor('TRAVEL', 3, '2024-09-01')).toEqual({ pointListId: '2024', pointsHundredths: 150 });
  });

  it('refuses a code the list in force does not have, a date with no list, and a bad quantity', () => {
    expect(itemOn('RVV_SYNTHESIS', '2024-08-31')).toBeNull();
    expect(pointsFor('RVV_SYNTHESIS', 1, '2024-08-31')).toBeNull();
    expect(itemOn('RVV_SYNTHESIS', '2024-09-01')?.item.points).toBe(300);
    expect(pointsFor('OPENING', 1, '2015-01-01')).toBeNull();
    expect(pointsFor('NOPE', 1, '2025-01-01')).toBeNull();
    expect(pointsFor('OPENING', 0, '2025-01-01')).toBeNull();
    expect(pointsFor('OPENING', 1.5, '2025-01-01')).toBeNull();
  });

  it('labels a stored entry from its own list, falling back to the code', () => {
    expect(itemLabel('2016', 'DETENTION', 'fr')).toBe('Détention : requête à la chambre du conseil');
    expect(itemLabel('2016', 'RVV_SYNTHESIS', 'en')).toBe('RVV_SYNTHESIS');
    expect(itemLabel('1999', 'OPENING', 'nl')).toBe('OPENING');
    expect(pointListById('2024')?.effectiveFrom).toBe('2024-09-01');
    expect(pointListById('1999')).toBeNull();
  });

  it.each([
    [0, '0'],
    [300, '3'],
    [1250, '12.5'],
    [1205, '12.05'],
    [-75, '-0.75'],
  ])('formats %i hundredths as %s', (hundredths, text) => {
    expect(formatPoints(hundredths)).toBe(text);
  });
});
