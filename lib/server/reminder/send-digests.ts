import { addDaysPlain, brusselsDate, fromDbDate, toDbDate } from '@/lib/dates';
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { ruleLabel } from '@/lib/rules/labels';
import type { DeadlineKind } from '@/lib/rules/vocabulary';
import { brusselsHour, daysBetween } from './reminder-day';

/** How far ahead a digest looks; overdue deadlines are always in it, first. */
export const DIGEST_HORIZON_DAYS = 7;
const MAX_ITEMS = 500;

type DigestMember = { id: string; firmId: string; userId: string; email: string; locale: 'en' | 'nl' | 'fr'; name: string | null; firmName: string };

/**
 * One email a day instead of ten, for the advisors who chose the digest: at their digest hour (Brussels), every
 * open deadline of their cases that is overdue or due within a week. The outbox key (member and day) makes it
 * once a day whatever the number of sweeps or workers; a day with nothing due sends nothing.
 */
export async function sendDigests({ db, now = new Date(), batchSize = 200 }: { db: Db; now?: Date; batchSize?: number }): Promise<{ sent: number }> {
  const today = brusselsDate(now);
  const hour = brusselsHour(now);
  const base = env().APP_URL;
  let sent = 0;
  let after = '';
  for (;;) {
    const members = await db.$queryRaw<DigestMember[]>`
      SELECT m."id", m."firmId", m."userId", u."email", u."locale"::text AS "locale", u."name", f."name" AS "firmName"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId" JOIN "Firm" f ON f."id" = m."firmId"
      WHERE m."reminderMode" = 'DIGEST' AND m."deactivatedAt" IS NULL AND m."digestHour" <= ${hour} AND m."id" > ${after}
        AND NOT (m."pausedFrom" IS NOT NULL AND m."pausedFrom" <= ${today}::date AND (m."pausedUntil" IS NULL OR m."pausedUntil" >= ${today}::date))
        AND NOT EXISTS (SELECT 1 FROM "EmailOutbox" o WHERE o."key" = 'digest:' || m."id" || ':' || ${today})
      ORDER BY m."id" LIMIT ${batchSize}`;
    if (members.length === 0) break;
    after = members.at(-1)!.id;
    for (const member of members) {
      const deadlines = await db.deadline.findMany({
        where: { firmId: member.firmId, status: 'OPEN', dueOn: { lte: toDbDate(addDaysPlain(today, DIGEST_HORIZON_DAYS)) }, case: { assignedToId: member.userId, deletedAt: null, closedAt: null } },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: MAX_ITEMS,
        select: { kind: true, dueOn: true, case: { select: { id: true, reference: true, client: { select: { firstName: true, lastName: true } } } } },
      });
      if (deadlines.length === 0) continue;
      const items = deadlines.map((d) => ({
        clientName: `${d.case.client.firstName} ${d.case.client.lastName}`,
        caseReference: d.case.reference,
        deadlineKind: d.kind as DeadlineKind,
        deadlineLabel: ruleLabel(member.locale, `deadline.${d.kind as DeadlineKind}`),
        dueOn: fromDbDate(d.dueOn),
        daysLeft: daysBetween(today, d.dueOn),
        caseUrl: new URL(`/cases/${d.case.id}`, base).toString(),
      }));
      const { created } = await db.$transaction((tx) =>
        enqueueEmail(tx, {
          key: `digest:${member.id}:${today}`,
          firmId: member.firmId,
          template: 'daily-digest',
          locale: member.locale,
          to: member.email,
          responsibleUserId: member.userId,
          props: {
            firmName: member.firmName, recipientName: member.name ?? member.email, date: today, items,
            dashboardUrl: new URL('/dashboard', base).toString(), overdueCount: items.filter((item) => item.daysLeft < 0).length, count: items.length,
          },
        }),
      );
      if (created) sent += 1;
    }
    if (members.length < batchSize) break;
  }
  return { sent };
}
