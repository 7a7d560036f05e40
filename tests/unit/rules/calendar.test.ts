import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  belgianPublicHolidays,
  countWorkingDays,
  easterSunday,
  isWorkingDay,
  periodEndInDays,
  periodEndInMonths,
  publicHolidayOn,
  registeredLetterNotifiedOn,
  rollBackToWorkingDay,
  rollForwardToWorkingDay,
} from '@/lib/rules/calendar';

describe('Belgian legal public holidays', () => {
  it.each([
    [2024, ['2024-01-01', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20', '2024-07-21', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25']],
    [2025, ['2025-01-01', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-07-21', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-25']],
    [2026, ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']],
    [2027, ['2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-07-21', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25']],
    [2028, ['2028-01-01', '2028-04-17', '2028-05-01', '2028-05-25', '2028-06-05', '2028-07-21', '2028-08-15', '2028-11-01', '2028-11-11', '2028-12-25']],
  ])('%i has exactly the ten legal holidays', (year, dates) => {
    expect(belgianPublicHolidays(year).map((holiday) => holiday.date)).toEqual(dates);
  });

  it('names the Easter-based holidays of 2026', () => {
    expect(publicHolidayOn('2026-04-06')).toBe('EASTER_MONDAY');
    expect(publicHolidayOn('2026-05-14')).toBe('ASCENSION');
    expect(publicHolidayOn('2026-05-25')).toBe('WHIT_MONDAY');
    expect(publicHolidayOn('2026-07-21')).toBe('NATIONAL_DAY');
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible Easter
    [2285, '2285-03-22'], // earliest possible Easter
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('keeps ten entries when Ascension and Labour Day coincide (2008)', () => {
    const holidays = belgianPublicHolidays(2008);
    expect(holidays).toHaveLength(10);
    expect(holidays.filter((holiday) => holiday.date === '2008-05-01').map((holiday) => holiday.key).sort()).toEqual([
      'ASCENSION',
      'LABOUR_DAY',
    ]);
  });

  it('agrees with date-holidays (BE, type "public") for every year 1950–2100', () => {
    const library = new Holidays('BE');
    for (let year = 1950; year <= 2100; year += 1) {
      const expected = library
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .sort();
      const ours = belgianPublicHolidays(year).map((holiday) => holiday.date).sort();
      expect(ours, String(year)).toEqual(expected);
    }
  });

  it.each([
    ['2026-07-11', 'Flemish community holiday'],
    ['2026-09-27', 'French community holiday'],
    ['2026-11-15', "King's Day"],
    ['2026-12-26', 'Boxing Day (bank holiday)'],
    ['2026-04-03', 'Good Friday'],
    ['2026-11-02', 'All Souls'],
    ['2026-04-05', 'Easter Sunday is a Sunday, not an extra holiday'],
  ])('%s (%s) is not a legal public holiday', (date) => {
    expect(publicHolidayOn(date)).toBeNull();
  });

  it('reports regional days as working days when they fall on a weekday', () => {
    expect(isWorkingDay('2025-07-11')).toBe(true); // Friday, Flemish holiday
    expect(isWorkingDay('2025-09-26')).toBe(true); // Friday, day before French community holiday
    expect(isWorkingDay('2025-07-21')).toBe(false); // Monday, national holiday
    expect(isWorkingDay('2026-07-18')).toBe(false); // Saturday
    expect(isWorkingDay('2026-07-19')).toBe(false); // Sunday
  });
});

describe('working days', () => {
  it.each([
    // event, working days, result, why
    ['2026-12-23', 3, '2026-12-29', 'Christmas Friday and the weekend are skipped'],
    ['2026-12-24', 1, '2026-12-28', 'the day after Christmas Eve is Christmas, then a weekend'],
    ['2025-12-24', 3, '2025-12-30', 'Christmas Thursday, then Fri 26 (a working day), weekend, Mon 29, Tue 30'],
    ['2026-07-17', 3, '2026-07-23', 'Fri 17 → Mon 20, skip Tue 21 Jul, Wed 22, Thu 23'],
    ['2025-07-18', 1, '2025-07-22', 'Fri → Mon 21 Jul is a holiday → Tue 22'],
    ['2026-07-13', 8, '2026-07-24', 'registration 8 working days across 21 Jul'],
    ['2026-12-31', 1, '2027-01-04', 'New Year Friday and the weekend'],
    ['2026-07-13', 0, '2026-07-13', 'zero working days is the day itself'],
  ])('%s + %i working days = %s (%s)', (event, days, expected) => {
    expect(addWorkingDays(event, days)).toBe(expected);
  });

  it('counts working days after one date up to another', () => {
    expect(countWorkingDays('2026-12-20', '2027-01-03')).toBe(8); // 21–24, 28–31 Dec
    expect(countWorkingDays('2026-07-17', '2026-07-24')).toBe(4); // 20, 22, 23, 24
    expect(countWorkingDays('2026-07-13', '2026-07-13')).toBe(0);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('periods with roll-over', () => {
  it.each([
    ['2026-10-02', 30, '2026-11-02', 'Sun 1 Nov is also All Saints → Mon 2 Nov'],
    ['2026-10-12', 30, '2026-11-12', 'Wed 11 Nov Armistice → Thu 12 Nov'],
    ['2026-06-26', 25, '2026-07-22', 'Tue 21 Jul → Wed 22 Jul'],
    ['2026-11-25', 30, '2026-12-28', 'Fri 25 Dec, weekend → Mon 28 Dec'],
    ['2026-03-06', 30, '2026-04-07', 'Sun 5 Apr, Easter Monday 6 Apr → Tue 7 Apr'],
    ['2026-09-01', 10, '2026-09-11', 'a Friday stays'],
    ['2026-09-03', 10, '2026-09-14', 'Sun 13 Sep → Mon 14 Sep'],
  ])('%s + %i days = %s (%s)', (event, days, expected) => {
    expect(periodEndInDays(event, days)).toBe(expected);
  });

  it.each([
    ['2026-07-13', 3, '2026-10-13'],
    ['2025-11-30', 3, '2026-03-02'], // 28 Feb 2026 is a Saturday, so Monday 2 Mar
    ['2027-11-30', 3, '2028-02-29'], // leap year: 29 Feb exists, a Tuesday
    ['2026-01-31', 1, '2026-03-02'], // 31 Jan + 1 month = 28 Feb (Saturday) → Monday 2 Mar
    ['2026-08-15', 3, '2026-11-16'], // 15 Nov is a Sunday (King's Day is not a legal holiday)
  ])('%s + %i months = %s', (event, months, expected) => {
    expect(periodEndInMonths(event, months)).toBe(expected);
  });

  it('moves forward or back to a working day', () => {
    expect(rollForwardToWorkingDay('2026-11-01')).toBe('2026-11-02');
    expect(rollForwardToWorkingDay('2026-11-03')).toBe('2026-11-03');
    expect(rollBackToWorkingDay('2026-11-01')).toBe('2026-10-30');
    expect(rollBackToWorkingDay('2027-06-12')).toBe('2027-06-11');
  });

  it('deems a registered letter notified on the third working day after posting', () => {
    expect(registeredLetterNotifiedOn('2026-10-01')).toBe('2026-10-06'); // Thu → Fri, Mon, Tue
    expect(registeredLetterNotifiedOn('2026-12-22')).toBe('2026-12-28'); // 23, 24, (25 holiday), 28
    expect(registeredLetterNotifiedOn('2026-07-17')).toBe('2026-07-23'); // 20, (21), 22, 23
  });
});
