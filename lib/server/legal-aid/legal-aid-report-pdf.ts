import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { encodable } from '@/lib/documents/win-ansi-text';
import { formatPoints } from '@/lib/rules/legal-aid-points';
import { recordAudit } from '@/lib/server/audit/record-audit';
import type { RequestContext } from '@/lib/server/audit/audit-types';
import { parseInput } from '@/lib/server/validate';
import { reportTranslator } from './legal-aid-labels';
import { ZCaseId } from './legal-aid-schemas';
import { loadLegalAidReport, type LegalAidReport } from './load-legal-aid-report';

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 9;
const LINE = 13;
// date | code | service | quantity | points
const COLUMNS = [62, 112, 235, 40, 46];

function fit(text: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(text, SIZE) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, SIZE) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A one-page closing report with the CSV's content; a long file continues on further pages rather than overflow. */
export async function legalAidReportPdfBytes(report: LegalAidReport): Promise<Uint8Array> {
  const t = reportTranslator(report.locale);
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  doc.setTitle(clean(`${t('title')} - ${report.caseReference}`));
  doc.setLanguage(report.locale);
  let page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const nextLine = () => {
    y -= LINE;
    if (y < MARGIN) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - MARGIN;
    }
  };
  const text = (value: string, x: number, font = regular, size = SIZE) => page.drawText(clean(value), { x, y, size, font, color: rgb(0, 0, 0) });
  const row = (cells: string[], font = regular) => {
    let x = MARGIN;
    cells.forEach((cell, i) => {
      text(fit(clean(cell), font, COLUMNS[i]! - 4), x, font);
      x += COLUMNS[i]!;
    });
    nextLine();
  };

  text(t('title'), MARGIN, bold, 14);
  y -= 24;
  const d = report.designation;
  const facts: [string, string][] = [
    [t('case'), report.caseReference],
    [t('client'), report.clientName],
    [t('designationNumber'), d.designationNumber],
    [t('bar'), d.bar],
    [t('lawyer'), d.lawyerName],
    [t('designatedOn'), d.designatedOn],
    [t('closedOn'), d.closedOn ?? t('open')],
    [t('contribution'), `EUR ${(d.clientContributionCents / 100).toFixed(2)}`],
  ];
  for (const [label, value] of facts) {
    text(label, MARGIN, bold);
    text(value, MARGIN + 130, regular);
    nextLine();
  }
  nextLine();
  row([t('date'), t('code'), t('label'), t('quantity'), t('points')], bold);
  for (const group of report.groups) {
    for (const entry of group.entries) row([entry.performedOn, entry.itemCode, entry.label, String(entry.quantity), formatPoints(entry.pointsHundredths)]);
    row(['', '', t('subtotal', { id: group.pointListId }), '', formatPoints(group.subtotalHundredths)], bold);
  }
  row(['', '', t('total'), '', formatPoints(report.totalHundredths)], bold);
  nextLine();
  text(t('unverified'), MARGIN, regular, 7);
  return doc.save();
}

/** The closing report as a PDF in the designated lawyer's language; the download is audited. */
export async function legalAidReportPdf({ actor, input, context }: { actor: StaffActor; input: unknown; context: RequestContext }) {
  assertCan(actor, 'legal_aid.report');
  const { caseId } = parseInput(ZCaseId, input);
  const report = await loadLegalAidReport(actor, caseId);
  const bytes = await legalAidReportPdfBytes(report);
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      firmId: actor.firmId, actor: { kind: 'staff', userId: actor.userId }, action: 'legal_aid.report_downloaded', entity: 'legal_aid', entityId: report.designation.id, context,
      after: { caseId, format: 'pdf', totalHundredths: report.totalHundredths },
    }),
  );
  return { fileName: `legal-aid-${report.caseReference}.pdf`, bytes };
}
