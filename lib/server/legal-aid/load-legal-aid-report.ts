import type { StaffActor } from '@/lib/auth/actor';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { itemLabel } from '@/lib/rules/legal-aid-points';
import type { Locale } from '@/lib/rules/vocabulary';

export type LegalAidReportEntry = { id: string; performedOn: string; itemCode: string; label: string; quantity: number; pointsHundredths: number; note: string | null };
export type LegalAidReport = Awaited<ReturnType<typeof loadLegalAidReport>>;

/**
 * A case's designation and live entries, grouped by the point list that valued them, with subtotals and a grand
 * total; labels in `locale` (the designated lawyer's language unless given). The caller checks the permission.
 */
export async function loadLegalAidReport(actor: StaffActor, caseId: string, locale?: Locale) {
  const designation = await getDb().legalAidDesignation.findFirst({
    where: { caseId, firmId: actor.firmId, case: { deletedAt: null } },
    select: {
      id: true, designatedOn: true, designationNumber: true, bar: true, lawyerId: true, clientContributionCents: true, closedOn: true,
      case: { select: { reference: true, client: { select: { firstName: true, lastName: true } } } },
      entries: {
        where: { deletedAt: null, firmId: actor.firmId },
        orderBy: [{ performedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, performedOn: true, pointListId: true, itemCode: true, quantity: true, pointsHundredths: true, note: true },
      },
    },
  });
  if (!designation) throw new AppError('NOT_FOUND');
  const lawyer = await getDb().user.findFirst({ where: { id: designation.lawyerId, memberships: { some: { firmId: actor.firmId } } }, select: { name: true, email: true, locale: true } });
  const language: Locale = locale ?? lawyer?.locale ?? 'en';
  const groups: { pointListId: string; entries: LegalAidReportEntry[]; subtotalHundredths: number }[] = [];
  for (const entry of designation.entries) {
    let group = groups.find((candidate) => candidate.pointListId === entry.pointListId);
    if (!group) groups.push((group = { pointListId: entry.pointListId, entries: [], subtotalHundredths: 0 }));
    group.entries.push({ id: entry.id, performedOn: fromDbDate(entry.performedOn), itemCode: entry.itemCode, label: itemLabel(entry.pointListId, entry.itemCode, language), quantity: entry.quantity, pointsHundredths: entry.pointsHundredths, note: entry.note });
    group.subtotalHundredths += entry.pointsHundredths;
  }
  groups.sort((a, b) => a.pointListId.localeCompare(b.pointListId));
  return {
    locale: language,
    caseId,
    caseReference: designation.case.reference,
    clientName: `${designation.case.client.firstName} ${designation.case.client.lastName}`,
    designation: {
      id: designation.id,
      designatedOn: fromDbDate(designation.designatedOn),
      designationNumber: designation.designationNumber,
      bar: designation.bar,
      lawyerId: designation.lawyerId,
      lawyerName: lawyer?.name ?? lawyer?.email ?? '',
      clientContributionCents: designation.clientContributionCents,
      closedOn: designation.closedOn ? fromDbDate(designation.closedOn) : null,
    },
    groups,
    totalHundredths: groups.reduce((sum, group) => sum + group.subtotalHundredths, 0),
  };
}
