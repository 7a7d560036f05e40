import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { firstFieldProblem, ZCardType, ZPeriod, ZPlainDate } from '@/lib/rules/zod-fields';

describe('shared field schemas', () => {
  it('accept real dates only', () => {
    expect(ZPlainDate.safeParse('2028-02-29').success).toBe(true);
    expect(ZPlainDate.safeParse('2027-02-29').success).toBe(false);
    expect(ZPlainDate.safeParse(20270228).success).toBe(false);
  });

  it('map card spellings to canonical types', () => {
    expect(ZCardType.parse('E+')).toBe('EU_PLUS');
    expect(ZCardType.safeParse('X').success).toBe(false);
  });

  it('accept open and same-day periods, refuse reversed ones', () => {
    expect(ZPeriod.safeParse({ from: '2026-01-01' }).success).toBe(true);
    expect(ZPeriod.safeParse({ from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
    expect(ZPeriod.safeParse({ from: '2026-01-02', to: '2026-01-01' }).success).toBe(false);
  });
});

describe('firstFieldProblem', () => {
  const schema = z.object({ a: z.object({ b: ZPlainDate }), list: z.array(ZPeriod).optional() });
  const problem = (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error('expected a failure');
    return firstFieldProblem(parsed.error, input);
  };

  it('names the dotted path and tells missing from invalid', () => {
    expect(problem({})).toEqual({ code: 'MISSING_FIELD', field: 'a' });
    expect(problem({ a: {} })).toEqual({ code: 'MISSING_FIELD', field: 'a.b' });
    expect(problem({ a: { b: 'soon' } })).toEqual({ code: 'INVALID_FIELD', field: 'a.b' });
    expect(problem({ a: 5 })).toEqual({ code: 'INVALID_FIELD', field: 'a' });
    expect(problem({ a: { b: '2026-01-01' }, list: [{ from: '2026-01-02', to: '2026-01-01' }] })).toEqual({
      code: 'INVALID_FIELD',
      field: 'list.0.to',
    });
    expect(problem(null)).toEqual({ code: 'INVALID_FIELD', field: '' });
  });

  it('copes with an error that has no issue', () => {
    expect(firstFieldProblem(new z.ZodError([]), {})).toEqual({ code: 'INVALID_FIELD', field: '' });
  });
});
