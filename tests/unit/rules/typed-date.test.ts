import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateToPlain } from '@/lib/rules/typed-date';
import { ZPlainDate, ZTypedPlainDate } from '@/lib/rules/zod-fields';

describe('typed dates', () => {
  it.each([
    ['2026-12-07', '2026-12-07'],
    ['07/12/2026', '2026-12-07'],
    ['7/12/2026', '2026-12-07'],
    ['7/2/2026', '2026-02-07'],
    ['07.12.2026', '2026-12-07'],
    ['07-12-2026', '2026-12-07'],
    [' 07/12/2026 ', '2026-12-07'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s (day first, never month first)', (typed, expected) => {
    expect(parseTypedDate(typed)).toBe(expected);
  });

  it.each(['31/02/2026', '29/02/2027', '2026-02-31', '00/12/2026', '07/13/2026', '07/12/26', '07/12-2026', '12/07', '2026/12/07', 'tomorrow', '', '7 12 2026'])(
    'refuses %j',
    (typed) => {
      expect(parseTypedDate(typed)).toBeNull();
    },
  );

  it('hands anything it cannot read on unchanged, for the schema to refuse', () => {
    expect(typedDateToPlain('31/02/2026')).toBe('31/02/2026');
    expect(typedDateToPlain(undefined)).toBeUndefined();
    expect(typedDateToPlain('07/12/2026')).toBe('2026-12-07');
  });

  it('lets forms take day-first dates while the engine schema stays ISO only', () => {
    expect(ZTypedPlainDate.parse('07/12/2026')).toBe('2026-12-07');
    expect(ZTypedPlainDate.parse('2026-12-07')).toBe('2026-12-07');
    expect(ZTypedPlainDate.safeParse('31/02/2026').success).toBe(false);
    expect(ZPlainDate.safeParse('07/12/2026').success).toBe(false);
  });
});
