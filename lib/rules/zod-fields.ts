import { z } from 'zod';
import { parseCardType } from './cards';
import { compareDates, isPlainDate, type PlainDate } from './plain-date';
import { typedDateToPlain } from './typed-date';

// Field schemas shared by the facts model, the stage-machine inputs and the CLI, and the one mapping from a
// zod error to the reason codes the UI translates. The reason is a code plus a field path, never English.

export const ZPlainDate = z
  .string()
  .refine((value) => isPlainDate(value), { message: 'expected a real calendar date as YYYY-MM-DD' })
  .transform((value): PlainDate => value);

/**
 * A date as a person types it into a form: ISO or day first (07/12/2026, 7.12.2026, 07-12-2026), stored as
 * `YYYY-MM-DD`. Forms use this; the deadline engine's CLI and API keep the strict ISO ZPlainDate.
 */
export const ZTypedPlainDate = z.preprocess(typedDateToPlain, ZPlainDate);

/** Canonical card type; legacy letters (C, D, E, E+) and printed spellings (EU+, F+) are mapped. */
export const ZCardType = z.string().transform((value, ctx) => {
  const type = parseCardType(value);
  if (type === null) {
    ctx.issues.push({ code: 'custom', message: 'unknown card type', input: value });
    return z.NEVER;
  }
  return type;
});

function endsAfterStart(period: { from: PlainDate; to?: PlainDate | undefined }): boolean {
  return period.to === undefined || compareDates(period.to, period.from) >= 0;
}

const PERIOD_ORDER = { message: 'period ends before it starts', path: ['to'] };

/** A span of days; `to` may be open. `to` before `from` is a typing mistake, not a fact. */
export const ZPeriod = z.object({ from: ZPlainDate, to: ZPlainDate.optional() }).refine(endsAfterStart, PERIOD_ORDER);

/** A period of legal residence; `student` marks residence as a student (counts half for long-term residence). */
export const ZResidencePeriod = z
  .object({ from: ZPlainDate, to: ZPlainDate.optional(), student: z.boolean().optional() })
  .refine(endsAfterStart, PERIOD_ORDER);

export type FieldProblemCode = 'MISSING_FIELD' | 'INVALID_FIELD';

export interface FieldProblem {
  code: FieldProblemCode;
  /** Dotted path such as `decision.notifiedOn` or `absences.0.to`; empty for the input as a whole. */
  field: string;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The first problem zod found, as a code and a field path: a value that is absent is MISSING, else INVALID. */
export function firstFieldProblem(error: z.ZodError, input: unknown): FieldProblem {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join('.');
  const absent = path.length > 0 && valueAt(input, path) === undefined;
  return { code: absent ? 'MISSING_FIELD' : 'INVALID_FIELD', field };
}
