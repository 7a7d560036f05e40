import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// Legal dates are plain calendar dates in Europe/Brussels ("2026-11-23"). Postgres keeps them as DATE,
// which Prisma hands over as a Date at UTC midnight; these helpers convert without ever using the
// server's own time zone.

export const BRUSSELS = 'Europe/Brussels';

export type PlainDate = string;

/** The calendar date in Brussels at the given instant. */
export function brusselsDate(instant: Date = new Date()): PlainDate {
  return format(new TZDate(instant.getTime(), BRUSSELS), 'yyyy-MM-dd');
}

export function toDbDate(date: PlainDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): PlainDate {
  return date.toISOString().slice(0, 10);
}

/**
 * An instant as Prisma writes it into timestamp(3) columns (the UTC wall time), for raw SQL
 * (`${utcTimestamp(now)}::timestamp(3)`), where a Date parameter's reading would depend on the session's zone.
 */
export function utcTimestamp(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

export function addDaysPlain(date: PlainDate, days: number): PlainDate {
  const d = toDbDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDbDate(d);
}

/** The instant a Brussels calendar day starts (23:00 or 22:00 UTC the day before, by season). */
export function brusselsMidnight(date: PlainDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, BRUSSELS).getTime());
}

export function isPlainDateString(value: unknown): value is PlainDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
