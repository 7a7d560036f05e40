import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/rules/vocabulary';
import { parseInput } from '@/lib/server/validate';
import { ZCaseId } from './legal-aid-schemas';
import { loadLegalAidReport } from './load-legal-aid-report';

/** The closing report of a legal-aid case: entries by point list with subtotals and the grand total. */
export async function getLegalAidReport({ actor, input, locale }: { actor: StaffActor; input: unknown; locale?: Locale }) {
  assertCan(actor, 'legal_aid.report');
  const { caseId } = parseInput(ZCaseId, input);
  return loadLegalAidReport(actor, caseId, locale);
}
