import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { applyCaseTransition } from './apply-case-transition';
import { ZTransitionCase } from './case-schemas';

/**
 * Moves a case through the stage machine of lib/rules (see applyCaseTransition). A refused move comes back
 * as a VALIDATION error with the reason code and field from the rules.
 */
export async function transitionCase({ actor, input, context, asOf = brusselsDate() }: { actor: StaffActor; input: unknown; context: RequestContext; asOf?: string }) {
  assertCan(actor, 'case.transition');
  const { caseId, version, transition, note, facts } = parseInput(ZTransitionCase, input);
  const { stage, version: nextVersion, deadlineChanges } = await getDb().$transaction((tx) => applyCaseTransition(tx, { actor, input: { caseId, version, transition, note, facts }, context, asOf }));
  return { stage, version: nextVersion, deadlineChanges };
}
