import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate, toDbDate, addDaysPlain, type PlainDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { daysLeft } from '@/lib/rules/inquiry-appeal';
import { DASHBOARD_LIST_LIMIT } from './dashboard-scope';

const OPEN = ['NEW', 'CONTACTED', 'BOOKED'] as const;
// Fewer than 10 days left to appeal: the line between "today" and "this week".
const URGENT_DAYS = 10;

export type OpenInquiries = {
  /** Open inquiries nobody has answered yet (status NEW). */
  unanswered: number;
  /** Open inquiries about a refusal with fewer than 10 days left to appeal (or already past), nearest first. */
  urgent: { id: string; name: string; appealDueOn: PlainDate; daysLeft: number }[];
};

/** What the public form brought in that needs someone today: the dashboard's first glance at the inquiries. */
export async function listOpenInquiries({ actor, asOf, limit = DASHBOARD_LIST_LIMIT }: { actor: StaffActor; asOf: PlainDate; limit?: number }): Promise<OpenInquiries> {
  assertCan(actor, 'inquiry.read');
  const db = getDb();
  const [unanswered, urgent] = await Promise.all([
    db.inquiry.count({ where: { firmId: actor.firmId, status: 'NEW' } }),
    db.inquiry.findMany({
      where: { firmId: actor.firmId, status: { in: [...OPEN] }, appealDueOn: { lt: toDbDate(addDaysPlain(asOf, URGENT_DAYS)) } },
      orderBy: [{ appealDueOn: 'asc' }, { createdAt: 'asc' }],
      take: limit,
      select: { id: true, firstName: true, lastName: true, appealDueOn: true },
    }),
  ]);
  return {
    unanswered,
    urgent: urgent.map((row) => {
      const due = fromDbDate(row.appealDueOn!);
      return { id: row.id, name: `${row.firstName} ${row.lastName}`, appealDueOn: due, daysLeft: daysLeft(due, asOf) };
    }),
  };
}
