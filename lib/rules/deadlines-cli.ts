import { z } from 'zod';
import { computeDeadlines } from './deadlines';
import { ZCardFacts, ZDecisionFacts } from './facts';
import { DEFAULT_SETTINGS } from './settings';
import { CITIZENSHIPS, STAY_LENGTHS } from './vocabulary';
import { firstFieldProblem, ZPlainDate } from './zod-fields';

// The command-line contract of DOMAIN.md, kept stable because tests outside the project use it. The pure
// part lives here (testable, covered); scripts/deadlines.ts only reads stdin and writes the result.

/** Exactly the input fields of the contract; anything else in the object is ignored. */
export const ZCliFacts = z.object({
  citizenship: z.enum(CITIZENSHIPS),
  stay: z.enum(STAY_LENGTHS).optional(),
  arrivedOn: ZPlainDate.optional(),
  decision: ZDecisionFacts.pick({ outcome: true, notifiedOn: true, regime: true, statedPeriodDays: true }).optional(),
  card: ZCardFacts.pick({ type: true, validUntil: true }).optional(),
  legalResidenceSince: ZPlainDate.optional(),
  birthDate: ZPlainDate.optional(),
});

export interface CliDeadline {
  kind: string;
  dueOn: string;
  opensOn?: string;
  basis: string;
  confidence: string;
}

export interface CliResult {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

const BAD_INPUT = 2;

function fail(message: string): CliResult {
  // One line, whatever the parser said.
  return { exitCode: BAD_INPUT, stdout: '', stderr: `${message.replace(/\s+/g, ' ').trim()}\n` };
}

/** Runs the contract on the text read from stdin. */
export function runDeadlinesCommand(text: string): CliResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('invalid input: expected one JSON object');
  }
  const parsed = ZCliFacts.safeParse(input);
  if (!parsed.success) {
    const problem = firstFieldProblem(parsed.error, input);
    return fail(`invalid field: ${problem.field}${problem.code === 'MISSING_FIELD' ? ' (missing)' : ''}`);
  }
  // The CLI has no clock and no firm: defaults only, no asOf.
  const output: CliDeadline[] = computeDeadlines(parsed.data, DEFAULT_SETTINGS).map((deadline) => ({
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    ...(deadline.opensOn ? { opensOn: deadline.opensOn } : {}),
    basis: deadline.basis,
    confidence: deadline.confidence,
  }));
  return { exitCode: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
}
