import type { Tx } from '@/lib/db';
import { checklistFor } from '@/lib/rules/checklists';
import type { Procedure } from '@/lib/rules/vocabulary';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { addMonths, compareDates } from '@/lib/rules/plain-date';

/** Adult on the day the list is made; unknown birth date keeps the adults-only items (one paper too many beats one missing). */
function isAdult(birthDate: Date | null, today: string): boolean | undefined {
  if (!birthDate) return undefined;
  return compareDates(addMonths(fromDbDate(birthDate), 18 * 12), today) <= 0;
}

/**
 * Writes the procedure's default document list (lib/rules) for a case, in the caller's transaction, after the
 * items the case already has. Items keep their rule key so a later change of the defaults can be traced.
 */
export async function insertDefaultChecklist(
  tx: Tx,
  kase: { id: string; firmId: string; procedure: Procedure; client: { birthDate: Date | null } },
): Promise<number> {
  const requirements = checklistFor(kase.procedure, { adult: isAdult(kase.client.birthDate, brusselsDate()) });
  const existing = await tx.checklistItem.findMany({ where: { caseId: kase.id, firmId: kase.firmId }, select: { ruleKey: true, position: true } });
  const have = new Set(existing.map((item) => item.ruleKey));
  const start = existing.reduce((max, item) => Math.max(max, item.position + 1), 0);
  const rows = requirements
    .filter((requirement) => !have.has(requirement.key))
    .map((requirement, index) => ({ firmId: kase.firmId, caseId: kase.id, documentKind: requirement.documentKind, ruleKey: requirement.key, position: start + index }));
  if (rows.length) await tx.checklistItem.createMany({ data: rows });
  return rows.length;
}
