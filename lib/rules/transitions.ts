import { z } from 'zod';
import type { CaseFacts } from './facts';
import { compareDates, type PlainDate } from './plain-date';
import { APPEAL_REGIMES, APPEAL_RESULTS, type AppealResult, type CaseStage } from './vocabulary';
import { ZCardType, ZPlainDate } from './zod-fields';

// Every transition of the case stage machine, as data: where it may start, where it leads, the facts it
// needs (a zod schema, so form and server share it) and what it writes into the case facts.

export const TRANSITION_IDS = [
  'FILE_APPLICATION',
  'REQUEST_RESIDENCE_CHECK',
  'AWAIT_DECISION',
  'DECISION_APPROVED',
  'CARD_ISSUED',
  'OPEN_RENEWAL',
  'FILE_RENEWAL',
  'REFUSAL_NOTIFIED',
  'FILE_APPEAL',
  'APPEAL_DECIDED',
  'AWAIT_NEW_DECISION',
  'CLOSE',
  'REOPEN',
] as const;
export type TransitionId = (typeof TRANSITION_IDS)[number];

export const REASON_CODES = [
  'UNKNOWN_TRANSITION',
  'NOT_ALLOWED_FROM_STAGE',
  'NOT_ALLOWED_FOR_PROCEDURE',
  'MISSING_FIELD',
  'INVALID_FIELD',
  'DATE_IN_FUTURE',
  'DATE_ORDER',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface TransitionReason {
  code: ReasonCode;
  field?: string;
}

/**
 * What a transition writes into the case. The facts part feeds computeDeadlines; the rest are case columns
 * (RvV roll number, appeal dates). A key present with the value `undefined` removes that fact: a new
 * application, for instance, no longer has the previous decision.
 */
export type FactsPatch = Partial<CaseFacts> & {
  residenceCheckRequestedOn?: PlainDate;
  decisionAwaitedSince?: PlainDate;
  renewalOpenedOn?: PlainDate;
  rvvRollNumber?: string;
  appealFiledOn?: PlainDate;
  appealDecidedOn?: PlainDate;
  appealResult?: AppealResult;
  closedOn?: PlainDate;
  closeReason?: string;
  reopenedOn?: PlainDate;
};

export interface TransitionDefinition<Input = unknown> {
  id: TransitionId;
  from: readonly CaseStage[];
  to: CaseStage;
  /** Always an object schema: its shape lists the fields a form must ask for. */
  schema: z.ZodType<Input> & { shape: Record<string, z.ZodType> };
  /** Fields holding the date something happened: they cannot lie after `asOf`. */
  pastDates: readonly string[];
  /** Checks across fields, after the schema passed. */
  check?(input: Input): TransitionReason | null;
  patch(input: Input): FactsPatch;
}

function define<S extends z.ZodObject>(definition: TransitionDefinition<z.output<S>> & { schema: S }): TransitionDefinition {
  return definition as TransitionDefinition;
}

const ACTIVE_STAGES: readonly CaseStage[] = [
  'INTAKE',
  'APPLICATION_FILED',
  'RESIDENCE_CHECK',
  'DECISION_PENDING',
  'APPROVED',
  'CARD_ISSUED',
  'RENEWAL_DUE',
  'RENEWAL_FILED',
  'REFUSED',
  'APPEAL_FILED',
  'APPEAL_DECIDED',
];

const ZRollNumber = z.string().trim().min(1).max(40);

export const TRANSITIONS: readonly TransitionDefinition[] = [
  define({
    id: 'FILE_APPLICATION',
    from: ['INTAKE'],
    to: 'APPLICATION_FILED',
    schema: z.object({ filedOn: ZPlainDate }),
    pastDates: ['filedOn'],
    patch: ({ filedOn }) => ({ applicationFiledOn: filedOn, decision: undefined }),
  }),
  define({
    id: 'REQUEST_RESIDENCE_CHECK',
    from: ['APPLICATION_FILED'],
    to: 'RESIDENCE_CHECK',
    schema: z.object({ requestedOn: ZPlainDate }),
    pastDates: ['requestedOn'],
    patch: ({ requestedOn }) => ({ residenceCheckRequestedOn: requestedOn }),
  }),
  define({
    id: 'AWAIT_DECISION',
    from: ['APPLICATION_FILED', 'RESIDENCE_CHECK'],
    to: 'DECISION_PENDING',
    schema: z.object({ since: ZPlainDate }),
    pastDates: ['since'],
    patch: ({ since }) => ({ decisionAwaitedSince: since }),
  }),
  define({
    id: 'DECISION_APPROVED',
    from: ['APPLICATION_FILED', 'RESIDENCE_CHECK', 'DECISION_PENDING', 'RENEWAL_FILED', 'APPEAL_DECIDED'],
    to: 'APPROVED',
    schema: z.object({ notifiedOn: ZPlainDate }),
    pastDates: ['notifiedOn'],
    patch: ({ notifiedOn }) => ({ decision: { outcome: 'APPROVED', notifiedOn } }),
  }),
  define({
    id: 'CARD_ISSUED',
    from: ['APPROVED', 'RENEWAL_FILED'],
    to: 'CARD_ISSUED',
    schema: z.object({
      cardType: ZCardType,
      cardNumber: z.string().trim().min(1).max(40),
      validFrom: ZPlainDate.optional(),
      validUntil: ZPlainDate,
    }),
    pastDates: [],
    check: ({ validFrom, validUntil }) =>
      validFrom !== undefined && compareDates(validUntil, validFrom) <= 0 ? { code: 'DATE_ORDER', field: 'validUntil' } : null,
    patch: ({ cardType, cardNumber, validFrom, validUntil }) => ({
      card: { type: cardType, number: cardNumber, validUntil, ...(validFrom ? { validFrom } : {}) },
    }),
  }),
  define({
    id: 'OPEN_RENEWAL',
    from: ['CARD_ISSUED'],
    to: 'RENEWAL_DUE',
    schema: z.object({ openedOn: ZPlainDate }),
    pastDates: ['openedOn'],
    patch: ({ openedOn }) => ({ renewalOpenedOn: openedOn }),
  }),
  define({
    id: 'FILE_RENEWAL',
    from: ['RENEWAL_DUE'],
    to: 'RENEWAL_FILED',
    schema: z.object({ filedOn: ZPlainDate }),
    pastDates: ['filedOn'],
    patch: ({ filedOn }) => ({ applicationFiledOn: filedOn, decision: undefined }),
  }),
  define({
    id: 'REFUSAL_NOTIFIED',
    from: ['INTAKE', 'APPLICATION_FILED', 'RESIDENCE_CHECK', 'DECISION_PENDING', 'APPROVED', 'CARD_ISSUED', 'RENEWAL_DUE', 'RENEWAL_FILED', 'APPEAL_DECIDED'],
    to: 'REFUSED',
    schema: z.object({
      outcome: z.enum(['REFUSED', 'WITHDRAWN']).default('REFUSED'),
      notifiedOn: ZPlainDate.optional(),
      postedOn: ZPlainDate.optional(),
      regime: z.enum(APPEAL_REGIMES),
      statedPeriodDays: z.int().min(1).max(365).optional(),
    }),
    pastDates: ['notifiedOn', 'postedOn'],
    // The appeal period runs from notification; a registered letter's posting date is an accepted substitute.
    check: ({ notifiedOn, postedOn }) => (notifiedOn || postedOn ? null : { code: 'MISSING_FIELD', field: 'notifiedOn' }),
    patch: ({ outcome, notifiedOn, postedOn, regime, statedPeriodDays }) => ({
      decision: {
        outcome,
        regime,
        ...(notifiedOn ? { notifiedOn } : {}),
        ...(postedOn ? { postedOn } : {}),
        ...(statedPeriodDays ? { statedPeriodDays } : {}),
      },
    }),
  }),
  define({
    id: 'FILE_APPEAL',
    from: ['REFUSED'],
    to: 'APPEAL_FILED',
    // Through J-Box the roll number comes days after the filing: it may be recorded later.
    schema: z.object({ rvvRollNumber: ZRollNumber.optional(), filedOn: ZPlainDate }),
    pastDates: ['filedOn'],
    patch: ({ rvvRollNumber, filedOn }) => ({ ...(rvvRollNumber ? { rvvRollNumber } : {}), appealFiledOn: filedOn }),
  }),
  define({
    id: 'APPEAL_DECIDED',
    from: ['APPEAL_FILED'],
    to: 'APPEAL_DECIDED',
    schema: z.object({ decidedOn: ZPlainDate, result: z.enum(APPEAL_RESULTS) }),
    pastDates: ['decidedOn'],
    patch: ({ decidedOn, result }) => ({ appealDecidedOn: decidedOn, appealResult: result }),
  }),
  // After an annulment the Immigration Office must decide again.
  define({
    id: 'AWAIT_NEW_DECISION',
    from: ['APPEAL_DECIDED'],
    to: 'DECISION_PENDING',
    schema: z.object({ since: ZPlainDate }),
    pastDates: ['since'],
    patch: ({ since }) => ({ decisionAwaitedSince: since }),
  }),
  define({
    id: 'CLOSE',
    from: ACTIVE_STAGES,
    to: 'CLOSED',
    schema: z.object({ closedOn: ZPlainDate, reason: z.string().trim().max(500).optional() }),
    pastDates: ['closedOn'],
    patch: ({ closedOn, reason }) => ({ closedOn, ...(reason ? { closeReason: reason } : {}) }),
  }),
  define({
    id: 'REOPEN',
    from: ['CLOSED'],
    to: 'INTAKE',
    schema: z.object({ reopenedOn: ZPlainDate }),
    pastDates: ['reopenedOn'],
    patch: ({ reopenedOn }) => ({ reopenedOn }),
  }),
];
