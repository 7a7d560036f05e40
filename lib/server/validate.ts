import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Parses input with the operation's zod schema; bad input becomes a VALIDATION error that names the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError('VALIDATION', { message: `invalid input: ${Object.keys(fieldErrors).join(', ')}`, details: { fieldErrors } });
}
