import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { DEADLINE_KINDS, type DeadlineKind } from '@/lib/rules/vocabulary';

// How long before each kind of deadline a reminder goes out. A firm may change them (Firm.settings.reminders);
// the defaults are what the product promises. A lead is a number of days before the due date, or
// OPENS ("at opening"), for windows such as the renewal window, reminded the day they open.

export const OPENS = -1;

export type LeadTimes = Readonly<Record<DeadlineKind, readonly number[]>>;

export const DEFAULT_LEAD_DAYS: LeadTimes = {
  APPEAL: [21, 14, 7, 3, 1],
  RENEWAL_WINDOW: [OPENS, 7],
  REGISTRATION: [5, 2],
  CARD_EXPIRY: [90, 60, 30],
  ARRIVAL_DECLARATION: [2, 1],
  DECLARATION_OF_PRESENCE: [5, 2],
  EU_REGISTRATION: [30, 7],
  ADDRESS_CHANGE: [3, 1],
  RETURN_AFTER_ABSENCE: [7, 2],
  DECISION_DUE: [14, 3],
  DOCUMENT_EXPIRY: [60, 30],
  PERMANENT_RESIDENCE: [30],
  LONG_TERM_RESIDENCE_ELIGIBLE: [30],
  NATIONALITY_ELIGIBLE: [30],
};

/** The longest lead a firm may set; the deadline_remind_on trigger (a migration) looks this far ahead too. */
export const LONGEST_LEAD_DAYS = 365;

const ZLeads = z.array(z.union([z.literal('open'), z.number().int().min(0).max(LONGEST_LEAD_DAYS)])).max(10);

/** What a firm may store: any kinds, each a list of day counts or 'open'; an empty list turns a kind's reminders off. */
export const ZLeadSettings = z.partialRecord(z.enum(DEADLINE_KINDS), ZLeads);

// A window's opening comes first, then the day counts from the furthest to the nearest, as they happen.
const byTime = (a: number, b: number) => (a === OPENS ? -1 : b === OPENS ? 1 : b - a);

export function leadTimesFrom(settings: unknown): LeadTimes {
  const parsed = ZLeadSettings.safeParse((settings as { reminders?: { leadDays?: unknown } } | null)?.reminders?.leadDays ?? {});
  if (!parsed.success) return DEFAULT_LEAD_DAYS;
  const leads = { ...DEFAULT_LEAD_DAYS } as Record<DeadlineKind, readonly number[]>;
  for (const [kind, values] of Object.entries(parsed.data) as [DeadlineKind, (number | 'open')[]][]) {
    leads[kind] = [...new Set(values.map((value) => (value === 'open' ? OPENS : value)))].sort(byTime);
  }
  return leads;
}

export async function firmLeadTimes(tx: Tx, firmId: string): Promise<LeadTimes> {
  const firm = await tx.firm.findFirstOrThrow({ where: { id: firmId }, select: { settings: true } });
  return leadTimesFrom(firm.settings);
}
