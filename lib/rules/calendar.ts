import {
  addDays,
  addMonths,
  compareDates,
  isoWeekday,
  makeDate,
  type PlainDate,
  yearOf,
} from './plain-date';

// Belgian legal public holidays (Law of 4 Jan 1974 on public holidays) and the counting rules of the
// Judicial Code art. 52–54, which the Law of 15 Dec 1980 art. 39/57 applies to appeals. Regional and
// community holidays (11 Jul, 27 Sep, 15 Nov…) and bank holidays are not legal public holidays and do not
// extend a period, so they are deliberately absent.

export const HOLIDAY_KEYS = [
  'NEW_YEAR',
  'EASTER_MONDAY',
  'LABOUR_DAY',
  'ASCENSION',
  'WHIT_MONDAY',
  'NATIONAL_DAY',
  'ASSUMPTION',
  'ALL_SAINTS',
  'ARMISTICE',
  'CHRISTMAS',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

export interface PublicHoliday {
  date: PlainDate;
  key: HolidayKey;
}

/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm, exact for every year). */
export function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();

/** The ten Belgian legal public holidays of `year`, in date order. */
export function belgianPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: makeDate(year, 1, 1), key: 'NEW_YEAR' },
    { date: addDays(easter, 1), key: 'EASTER_MONDAY' },
    { date: makeDate(year, 5, 1), key: 'LABOUR_DAY' },
    { date: addDays(easter, 39), key: 'ASCENSION' },
    { date: addDays(easter, 50), key: 'WHIT_MONDAY' },
    { date: makeDate(year, 7, 21), key: 'NATIONAL_DAY' },
    { date: makeDate(year, 8, 15), key: 'ASSUMPTION' },
    { date: makeDate(year, 11, 1), key: 'ALL_SAINTS' },
    { date: makeDate(year, 11, 11), key: 'ARMISTICE' },
    { date: makeDate(year, 12, 25), key: 'CHRISTMAS' },
  ];
  // Ascension can fall on or before 1 May (in 2008 both were on 1 May): sort so the list is in date order.
  holidays.sort((x, y) => compareDates(x.date, y.date));
  holidayCache.set(year, holidays);
  return holidays;
}

export function publicHolidayOn(date: PlainDate): HolidayKey | null {
  return belgianPublicHolidays(yearOf(date)).find((holiday) => holiday.date === date)?.key ?? null;
}

export function isWeekend(date: PlainDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Every day except Saturday, Sunday and legal public holidays. */
export function isWorkingDay(date: PlainDate): boolean {
  return !isWeekend(date) && publicHolidayOn(date) === null;
}

/** The date itself when it is a working day, else the next working day (Judicial Code art. 53). */
export function rollForwardToWorkingDay(date: PlainDate): PlainDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The date itself when it is a working day, else the last working day before it. Used for deadlines counted
 * backwards from an expiry ("at least 30 days before"): moving those later would shorten the protected
 * period, so the safe last day is the earlier one.
 */
export function rollBackToWorkingDay(date: PlainDate): PlainDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * The `count`-th working day after `date`; the day of the event itself never counts
 * (a period "starts the day after the triggering event").
 */
export function addWorkingDays(date: PlainDate, count: number): PlainDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number >= 0: ${count}`);
  let day = date;
  for (let counted = 0; counted < count; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Working days after `from` up to and including `to`. */
export function countWorkingDays(from: PlainDate, to: PlainDate): number {
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/** Last day of a period of `days` days after `event`, moved to the next working day when needed. */
export function periodEndInDays(event: PlainDate, days: number): PlainDate {
  return rollForwardToWorkingDay(addDays(event, days));
}

/** Last day of a period of `months` months after `event` (date to date), moved to the next working day when needed. */
export function periodEndInMonths(event: PlainDate, months: number): PlainDate {
  return rollForwardToWorkingDay(addMonths(event, months));
}

/**
 * When only the posting date of a registered letter is known, notification is deemed to happen on the
 * third working day after posting (Law 15/12/1980 art. 39/57 §2); the period then starts the day after.
 */
export function registeredLetterNotifiedOn(postedOn: PlainDate): PlainDate {
  return addWorkingDays(postedOn, 3);
}
