import { isPlainDate, makeDate, type PlainDate } from './plain-date';

// What a person types into a date field. Belgians write day first, whatever the app's language: 07/12/2026,
// 7/12/2026, 07.12.2026, 07-12-2026. The ISO form 2026-12-07 stays accepted (browsers' date pickers, the API,
// scripts and the existing tests send it). Month-first is never guessed: 07/12 is always 7 December.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/** The calendar date typed, as `YYYY-MM-DD`, or null when it is not a real date in an accepted form (31/02/2026). */
export function parseTypedDate(input: string): PlainDate | null {
  const value = input.trim();
  const iso = ISO.exec(value);
  if (iso) return isPlainDate(value) ? value : null;
  const dayFirst = DAY_FIRST.exec(value);
  if (!dayFirst) return null;
  const date = makeDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  return isPlainDate(date) ? date : null;
}

/**
 * For a zod preprocess: a typed date becomes `YYYY-MM-DD`; anything else is handed on unchanged, so the
 * plain-date schema after it refuses it with its own message and the form shows the field's error.
 */
export function typedDateToPlain(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return parseTypedDate(value) ?? value;
}
