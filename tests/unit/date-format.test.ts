import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toDbDate } from '@/lib/dates';
import {
  formatDateFull,
  formatDateLong,
  formatDateShort,
  formatDateTime,
  formatDateTimeShort,
  formatInstantDate,
  formatRelativeDay,
  formatTime,
  toInputValue,
} from '@/lib/format/dates';

// Runs once in the host's zone, and again (below) in child processes whose TZ is as far as possible from
// Brussels on both sides: a date-only value must read the same day everywhere.
const CHILD_ZONE = process.env.SEJOUR_DATES_CHILD_TZ;

describe(`date formatter${CHILD_ZONE ? ` (TZ=${CHILD_ZONE})` : ''}`, () => {
  if (CHILD_ZONE) {
    it('really runs in the zone it was given', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(CHILD_ZONE);
    });
  }

  it.each([
    ['en', '7 December 2026', '07/12/2026'],
    ['nl', '7 december 2026', '07/12/2026'],
    ['fr', '7 décembre 2026', '07/12/2026'],
    ['de', '7. Dezember 2026', '07.12.2026'],
  ] as const)('writes a legal date the Belgian way in %s', (locale, long, short) => {
    expect(formatDateLong(locale, '2026-12-07')).toBe(long);
    expect(formatDateShort(locale, '2026-12-07')).toBe(short);
  });

  it.each(['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31', '2028-02-29'])('never shifts the date-only %s, as a string or as a DB date', (date) => {
    const [year, month, day] = date.split('-');
    const short = `${day}/${month}/${year}`;
    expect(formatDateShort('nl', date)).toBe(short);
    // A Postgres DATE arrives as a Date at UTC midnight: the evening before in Los Angeles, the next day in Kiritimati.
    expect(formatDateShort('nl', toDbDate(date))).toBe(short);
    expect(formatDateShort('fr', toDbDate(date))).toBe(short);
    expect(formatDateLong('en', toDbDate(date))).toBe(formatDateLong('en', date));
  });

  it('writes the weekday for appointments', () => {
    expect(formatDateFull('en', '2026-12-07')).toMatch(/^Monday,? 7 December 2026$/);
    expect(formatDateFull('nl', '2026-12-07')).toBe('maandag 7 december 2026');
    expect(formatDateFull('fr', '2026-12-07')).toBe('lundi 7 décembre 2026');
  });

  it.each([
    // 13:05 UTC is 14:05 in Brussels in winter, 15:05 in summer.
    ['en', '2026-12-07T13:05:00Z', '7 December 2026 at 14:05'],
    ['nl', '2026-12-07T13:05:00Z', '7 december 2026 om 14:05'],
    ['fr', '2026-12-07T13:05:00Z', '7 décembre 2026 à 14:05'],
    ['nl', '2026-07-07T13:05:00Z', '7 juli 2026 om 15:05'],
  ] as const)('writes an instant as the Brussels wall clock in %s', (locale, instant, expected) => {
    expect(formatDateTime(locale, new Date(instant))).toBe(expected);
    expect(formatDateTime(locale, instant)).toBe(expected);
  });

  it('writes dense timestamps and times in Brussels on a 24-hour clock', () => {
    expect(formatDateTimeShort('en', '2026-12-07T13:05:09Z')).toBe('07/12/2026, 14:05');
    expect(formatDateTimeShort('nl', '2026-12-07T13:05:09Z', { seconds: true })).toBe('07/12/2026, 14:05:09');
    expect(formatDateTimeShort('fr', '2026-12-07T13:05:09Z')).toBe('07/12/2026 14:05');
    expect(formatTime('en', '2026-12-07T08:30:00Z')).toBe('09:30');
    expect(formatDateTime('en', '2026-12-07T13:05:09Z', { seconds: true })).toBe('7 December 2026 at 14:05:09');
  });

  it('takes the Brussels day of an instant, not the UTC one', () => {
    // 23:30 UTC on 6 December is already 7 December in Brussels.
    expect(formatInstantDate('en', '2026-12-06T23:30:00Z')).toBe('7 December 2026');
    expect(formatInstantDate('nl', new Date('2026-12-07T22:59:00Z'))).toBe('7 december 2026');
  });

  it.each([
    ['en', ['today', 'tomorrow', 'yesterday', 'in 2 days', '3 days ago', 'in 30 days']],
    ['nl', ['vandaag', 'morgen', 'gisteren', 'over 2 dagen', '3 dagen geleden', 'over 30 dagen']],
    ['fr', ['aujourd’hui', 'demain', 'hier', 'dans 2 jours', 'il y a 3 jours', 'dans 30 jours']],
  ] as const)('writes the distance to a legal date in %s', (locale, [today, tomorrow, yesterday, inTwo, threeAgo, inThirty]) => {
    const on = '2026-12-07';
    expect(formatRelativeDay(locale, '2026-12-07', on)).toBe(today);
    expect(formatRelativeDay(locale, '2026-12-08', on)).toBe(tomorrow);
    expect(formatRelativeDay(locale, '2026-12-06', on)).toBe(yesterday);
    expect(formatRelativeDay(locale, '2026-12-09', on)).toBe(inTwo);
    expect(formatRelativeDay(locale, toDbDate('2026-12-04'), on)).toBe(threeAgo);
    expect(formatRelativeDay(locale, '2027-01-06', on)).toBe(inThirty);
  });

  it('counts from today in Brussels when no day is given', () => {
    expect(['today', 'tomorrow', 'yesterday', 'in 2 days', '2 days ago']).toContain(formatRelativeDay('en', new Date().toISOString().slice(0, 10)));
  });

  it('shows a stored date in a date input as it is typed', () => {
    expect(toInputValue('nl', '2026-12-07')).toBe('07/12/2026');
    expect(toInputValue('de', toDbDate('2026-12-07'))).toBe('07.12.2026');
    expect(toInputValue('en', null)).toBe('');
    expect(toInputValue('nl', '7/12/2026')).toBe('7/12/2026');
  });
});

if (!CHILD_ZONE) {
  describe('date formatter in other server time zones', () => {
    const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC', 'Europe/Brussels', 'Pacific/Pago_Pago'];
    it('passes the same checks whatever TZ the server runs in', { timeout: 180_000 }, async () => {
      const run = promisify(execFile);
      const results = await Promise.all(
        zones.map((zone) =>
          run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', 'tests/unit/date-format.test.ts'], {
            env: { ...process.env, TZ: zone, SEJOUR_DATES_CHILD_TZ: zone, NO_COLOR: '1', FORCE_COLOR: '0' },
          }).then(
            ({ stdout }) => ({ zone, ok: true, stdout }),
            (error: { stdout?: string }) => ({ zone, ok: false, stdout: error.stdout ?? String(error) }),
          ),
        ),
      );
      for (const result of results) {
        expect(result.ok, `TZ=${result.zone}\n${result.stdout}`).toBe(true);
        expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
      }
    });
  });
}
