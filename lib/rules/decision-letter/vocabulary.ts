// What a Belgian Immigration Office (DVZ/OE) decision letter is read for. The values mirror the case facts the
// confirmation writes (lib/server/decision), so a proposal can be confirmed field by field.

export const DECISION_TYPES = [
  'ANNEX_13',
  'ANNEX_13SEPTIES',
  'ANNEX_14',
  'ANNEX_20',
  'ANNEX_21',
  'ANNEX_41',
  'REFUSAL_9BIS',
  'REFUSAL_9TER',
  'REFUSAL_FAMILY_REUNIFICATION',
  'OTHER',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const NOTIFICATION_METHODS = ['IN_PERSON', 'REGISTERED_LETTER', 'OTHER'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

export const DECISION_FIELDS = ['decisionType', 'outcome', 'decisionDate', 'notifiedOn', 'notificationMethod', 'dvzFileNumber', 'regime', 'statedPeriodDays'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const DATE_FLAGS = ['IN_FUTURE', 'BEFORE_APPLICATION', 'BEFORE_DECISION'] as const;
export type DateFlag = (typeof DATE_FLAGS)[number];

/** A value read from the letter with where it was read (character offsets into the text), for highlighting. */
export type Found<T> = { value: T; start: number; end: number };
