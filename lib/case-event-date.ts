import { isPlainDate } from './rules/plain-date';
import type { PlainDate } from './dates';

// Some case events are known only by their day: a history entered from a letter ("refusal notified on
// 5 May"), an imported case's past, the demo's seeded story. Their writer puts that day in the payload as
// `occurredOn` and sets occurredAt to its UTC midnight, only so that the timeline still sorts by one column.
// Readers show the day alone; showing the time would print the midnight as "01:00" in Brussels.

/** The payload field that marks an event as date-only. */
export const OCCURRED_ON = 'occurredOn';

/** The payload of a date-only event that happened on `date`. */
export function dateOnlyPayload(date: PlainDate): { occurredOn: PlainDate } {
  return { occurredOn: date };
}

/**
 * The day of a date-only event, or null when the event has a real time. Rows written before the marker
 * existed carry exactly UTC midnight, to the millisecond, which a click never does in practice.
 */
export function eventOccurredOn(payload: unknown, occurredAt: Date): PlainDate | null {
  const marked = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[OCCURRED_ON] : undefined;
  if (isPlainDate(marked)) return marked;
  return occurredAt.getTime() % 86_400_000 === 0 ? occurredAt.toISOString().slice(0, 10) : null;
}
