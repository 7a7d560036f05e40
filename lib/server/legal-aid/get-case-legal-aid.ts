import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import type { Locale } from '@/lib/rules/vocabulary';
import { loadLegalAidReport } from './load-legal-aid-report';

/**
 * The case page's legal-aid section: the designation and its entries (null when the case is not pro deo) and the
 * lawyers who can be designated. Assistants enter points, so they see them; closing and the report stay with
 * legal_aid.report.
 */
export async function getCaseLegalAid({ actor, caseId, locale }: { actor: StaffActor; caseId: string; locale: Locale }) {
  assertCan(actor, 'legal_aid.manage');
  const kase = await getDb().case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true } });
  if (!kase) throw new AppError('NOT_FOUND');
  const [report, lawyers] = await Promise.all([
    loadLegalAidReport(actor, caseId, locale).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }),
    getDb().membership.findMany({
      where: { firmId: actor.firmId, deactivatedAt: null, role: { in: ['ADVISOR', 'ADMIN'] } },
      orderBy: { user: { name: 'asc' } },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return { report, lawyers: lawyers.map(({ user }) => ({ id: user.id, name: user.name ?? user.email })) };
}
