import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { toDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/server/validate';
import { ZYearlyLegalAidOverview } from './legal-aid-schemas';

export type LegalAidYearRow = { lawyerId: string; lawyerName: string; designated: number; closed: number; closedPointsHundredths: number; performedPointsHundredths: number };

/**
 * Per lawyer and year: files designated and closed in the year, the points of the files closed in it (what the
 * office pays on) and of the services performed in it. An advisor sees their own line; an admin any lawyer's, or
 * every lawyer of the firm when none is named.
 */
export async function yearlyLegalAidOverview({ actor, input }: { actor: StaffActor; input: unknown }): Promise<{ year: number; rows: LegalAidYearRow[] }> {
  assertCan(actor, 'legal_aid.report');
  const { year, lawyerId: asked } = parseInput(ZYearlyLegalAidOverview, input);
  if (actor.role !== 'ADMIN' && asked && asked !== actor.userId) throw new AppError('FORBIDDEN', { message: 'advisors see their own overview', userMessage: 'forbidden' });
  const only = actor.role === 'ADMIN' ? asked : actor.userId;
  const db = getDb();
  const range = { gte: toDbDate(`${year}-01-01`), lt: toDbDate(`${year + 1}-01-01`) };
  const lawyerFilter = only ? { lawyerId: only } : {};
  const [members, designations, performed] = await Promise.all([
    db.membership.findMany({
      where: { firmId: actor.firmId, ...(only ? { userId: only } : { deactivatedAt: null, role: { in: ['ADVISOR', 'ADMIN'] } }) },
      select: { userId: true, user: { select: { name: true, email: true } } },
    }),
    db.legalAidDesignation.findMany({
      where: { firmId: actor.firmId, ...lawyerFilter, case: { deletedAt: null }, OR: [{ designatedOn: range }, { closedOn: range }] },
      select: { lawyerId: true, designatedOn: true, closedOn: true, entries: { where: { deletedAt: null, firmId: actor.firmId }, select: { pointsHundredths: true } } },
    }),
    db.legalAidEntry.findMany({
      where: { firmId: actor.firmId, deletedAt: null, performedOn: range, case: { deletedAt: null }, designation: lawyerFilter },
      select: { pointsHundredths: true, designation: { select: { lawyerId: true } } },
    }),
  ]);
  if (only && members.length === 0) throw new AppError('NOT_FOUND');
  const rows = new Map<string, LegalAidYearRow>();
  const rowOf = (lawyerId: string) => {
    let row = rows.get(lawyerId);
    if (!row) rows.set(lawyerId, (row = { lawyerId, lawyerName: '', designated: 0, closed: 0, closedPointsHundredths: 0, performedPointsHundredths: 0 }));
    return row;
  };
  for (const member of members) rowOf(member.userId).lawyerName = member.user.name ?? member.user.email;
  const inYear = (date: Date | null) => date !== null && date >= range.gte && date < range.lt;
  for (const designation of designations) {
    const row = rowOf(designation.lawyerId);
    if (inYear(designation.designatedOn)) row.designated += 1;
    if (inYear(designation.closedOn)) {
      row.closed += 1;
      row.closedPointsHundredths += designation.entries.reduce((sum, entry) => sum + entry.pointsHundredths, 0);
    }
  }
  for (const entry of performed) rowOf(entry.designation.lawyerId).performedPointsHundredths += entry.pointsHundredths;
  // A lawyer who has left the firm keeps their line for the files they were designated on.
  const missing = [...rows.values()].filter((row) => !row.lawyerName).map((row) => row.lawyerId);
  if (missing.length > 0) {
    const former = await db.membership.findMany({ where: { firmId: actor.firmId, userId: { in: missing } }, select: { userId: true, user: { select: { name: true, email: true } } } });
    for (const member of former) rowOf(member.userId).lawyerName = member.user.name ?? member.user.email;
  }
  return { year, rows: [...rows.values()].sort((a, b) => a.lawyerName.localeCompare(b.lawyerName)) };
}
