import { compareDates, type PlainDate } from './plain-date';
import { procedureDefinition } from './procedures';
import {
  TRANSITIONS,
  type FactsPatch,
  type TransitionDefinition,
  type TransitionId,
  type TransitionReason,
} from './transitions';
import type { CaseStage, Procedure } from './vocabulary';
import { firstFieldProblem } from './zod-fields';

// The case stage machine. It only decides whether a move is allowed and what it writes; lib/server stores
// the result, the event and the audit row in one transaction.

export type TransitionResult =
  | { ok: true; stage: CaseStage; factsPatch: FactsPatch }
  | { ok: false; reason: TransitionReason };

const TRANSITIONS_BY_ID = Object.fromEntries(TRANSITIONS.map((transition) => [transition.id, transition])) as Record<
  TransitionId,
  TransitionDefinition
>;

export function transitionDefinition(id: string): TransitionDefinition | undefined {
  return TRANSITIONS.find((transition) => transition.id === id);
}

function leadsIntoProcedure(transition: TransitionDefinition, procedure: Procedure | undefined): boolean {
  return procedure === undefined || procedureDefinition(procedure).stages.includes(transition.to);
}

/** Transitions offered from `stage`, in a stable order; with a procedure, only those leading to its stages. */
export function allowedTransitions(stage: CaseStage, procedure?: Procedure): TransitionId[] {
  return TRANSITIONS.filter((t) => t.from.includes(stage) && leadsIntoProcedure(t, procedure)).map((t) => t.id);
}

export interface TransitionField {
  field: string;
  required: boolean;
}

/** The facts a transition asks for, so a form can be built from the same schema the server checks. */
export function transitionFields(id: TransitionId): TransitionField[] {
  return Object.entries(TRANSITIONS_BY_ID[id].schema.shape).map(([field, fieldSchema]) => ({
    field,
    // A field is required when "absent" does not pass (defaults and optionals do).
    required: !fieldSchema.safeParse(undefined).success,
  }));
}

function futureDate(definition: TransitionDefinition, input: unknown, asOf: PlainDate): string | null {
  const values = input as Record<string, unknown>;
  for (const field of definition.pastDates) {
    const value = values[field];
    if (typeof value === 'string' && compareDates(value, asOf) > 0) return field;
  }
  return null;
}

/**
 * Move a case from `stage` by `transitionId` with the facts in `input`. `asOf` is today in Brussels: events
 * cannot be recorded as having happened after it. Returns the new stage and the facts to write, or a reason
 * code (and the field concerned) that the UI shows in the user's language.
 */
export function applyTransition(
  stage: CaseStage,
  transitionId: string,
  input: unknown,
  asOf: PlainDate,
  procedure?: Procedure,
): TransitionResult {
  const definition = transitionDefinition(transitionId);
  if (!definition) return { ok: false, reason: { code: 'UNKNOWN_TRANSITION' } };
  if (!definition.from.includes(stage)) return { ok: false, reason: { code: 'NOT_ALLOWED_FROM_STAGE' } };
  if (!leadsIntoProcedure(definition, procedure)) return { ok: false, reason: { code: 'NOT_ALLOWED_FOR_PROCEDURE' } };

  const parsed = definition.schema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, reason: firstFieldProblem(parsed.error, input) };

  const future = futureDate(definition, parsed.data, asOf);
  if (future) return { ok: false, reason: { code: 'DATE_IN_FUTURE', field: future } };
  const problem = definition.check?.(parsed.data) ?? null;
  if (problem) return { ok: false, reason: problem };

  return { ok: true, stage: definition.to, factsPatch: definition.patch(parsed.data) };
}
