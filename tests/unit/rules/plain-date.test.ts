import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  isPlainDate,
  maxDate,
  minDate,
  toDayNumber,
} from '@/lib/rules/plain-date';

describe('plain dates', () => {
  it.each([
    ['2028-02-29', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2027-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    [20260105, false],
    [null, false],
  ])('isPlainDate(%j) is %s', (value, expected) => {
    expect(isPlainDate(value)).toBe(expected);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('converts day numbers both ways', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    for (const date of ['1600-02-29', '1999-12-31', '2028-02-29', '2400-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-05-01', '2026-04-01')).toBe(-30);
  });

  it('adds months date to date, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('gives ISO weekdays (1 = Monday, 7 = Sunday)', () => {
    expect(isoWeekday('2026-11-01')).toBe(7);
    expect(isoWeekday('2026-11-02')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
    expect(isoWeekday('2028-02-29')).toBe(2);
  });

  it('computes age in completed years, with a 29 Feb birthday on 28 Feb in common years', () => {
    expect(ageOn('2008-05-10', '2026-05-09')).toBe(17);
    expect(ageOn('2008-05-10', '2026-05-10')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('picks the earlier or later of two dates', () => {
    expect(minDate('2026-08-03', '2029-01-01')).toBe('2026-08-03');
    expect(maxDate('2026-08-03', '2029-01-01')).toBe('2029-01-01');
  });
});
