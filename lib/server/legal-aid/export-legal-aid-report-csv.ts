import { stringify, type Options } from 'csv-stringify/sync';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { formatPoints } from '@/lib/rules/legal-aid-points';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { reportTranslator } from './legal-aid-labels';
import { ZCaseId } from './legal-aid-schemas';
import { loadLegalAidReport, type LegalAidReport } from './load-legal-aid-report';

const BOM = '\uFEFF';

// As the cases export: ';' for Belgian Excel, and a client called "=HYPERLINK(...)" stays text.
const CSV_OPTIONS: Options = { delimiter: ';', record_delimiter: 'windows', escape_formulas: true };

/** One row per service, in the columns the bar's legal-aid platform asks for; subtotals per list and the total after. */
export function legalAidReportCsv(report: LegalAidReport): string {
  const t = reportTranslator(report.locale);
  const { designationNumber, bar } = report.designation;
  const rows: string[][] = [[t('designationNumber'), t('bar'), t('client'), t('date'), t('code'), t('label'), t('quantity'), t('points'), t('pointList')]];
  for (const group of report.groups) {
    for (const entry of group.entries) rows.push([designationNumber, bar, report.clientName, entry.performedOn, entry.itemCode, entry.label, String(entry.quantity), formatPoints(entry.pointsHundredths), group.pointListId]);
    rows.push([designationNumber, bar, report.clientName, '', '', t('subtotal', { id: group.pointListId }), '', formatPoints(group.subtotalHundredths), group.pointListId]);
  }
  rows.push([designationNumber, bar, report.clientName, '', '', t('total'), '', formatPoints(report.totalHundredths), '']);
  return BOM + stringify(rows, CSV_OPTIONS);
}

/** The closing report as CSV, to re-enter in the bar's platform; the download is audited (it names the client). */
export async function exportLegalAidReportCsv({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.report');
  const { caseId } = parseInput(ZCaseId, input);
  const report = await loadLegalAidReport(actor, caseId);
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.report_downloaded', entity: 'legal_aid', entityId: report.designation.id, context,
      after: { caseId, format: 'csv', totalHundredths: report.totalHundredths },
    }),
  );
  return { fileName: `legal-aid-${report.caseReference}.csv`, body: legalAidReportCsv(report) };
}
