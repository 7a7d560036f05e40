// Legal dates are calendar dates in Europe/Brussels, written `YYYY-MM-DD`. All arithmetic here works on
// whole day numbers (days since 1970-01-01) with pure integer maths, never on a JS Date in local time,
// so the server's time zone (or a DST change) can never shift a deadline by a day.

/** A calendar date as `YYYY-MM-DD`. */
export type PlainDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(value: string): DateParts | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date in `YYYY-MM-DD` form (so 2027-02-29 is false, 2028-02-29 is true). */
export function isPlainDate(value: unknown): value is PlainDate {
  return typeof value === 'string' && partsOf(value) !== null;
}

function mustParse(date: PlainDate): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return parts;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no Date object involved.
function dayNumberOf({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function format({ year, month, day }: DateParts): PlainDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: PlainDate): number {
  return dayNumberOf(mustParse(date));
}

export function fromDayNumber(dayNumber: number): PlainDate {
  return format(partsFromDayNumber(dayNumber));
}

export function makeDate(year: number, month: number, day: number): PlainDate {
  return format({ year, month, day });
}

export function yearOf(date: PlainDate): number {
  return mustParse(date).year;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Same day-of-month `months` later; when that month is shorter, its last day. Belgian law counts a period
 * in months "from date to date" (Judicial Code art. 54), so 31 Jan + 1 month is the last day of February.
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addYears(date: PlainDate, years: number): PlainDate {
  return addMonths(date, years * 12);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isoWeekday(date: PlainDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/**
 * Completed years of age on `on`. Birthdays use the same month arithmetic as periods, so someone born on
 * 29 Feb has a birthday on 28 Feb in common years.
 */
export function ageOn(birthDate: PlainDate, on: PlainDate): number {
  const years = yearOf(on) - yearOf(birthDate);
  return compareDates(on, addYears(birthDate, years)) >= 0 ? years : years - 1;
}
