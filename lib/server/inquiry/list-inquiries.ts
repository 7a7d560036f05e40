import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InquiryStatus } from '@/lib/generated/prisma/enums';
import { addDays } from '@/lib/rules/plain-date';
import { daysLeft, isAppealUrgent, URGENT_APPEAL_DAYS } from '@/lib/rules/inquiry-appeal';
import { pageCountOf, ZPageNumber } from '@/lib/server/list-query';
import { parseInput } from '@/lib/server/validate';
import { INQUIRY_FILTERS, OPEN_STATUSES, type InquiryFilter } from './inquiry-schemas';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const ZQuery = z.object({ status: z.preprocess(blank, z.enum(INQUIRY_FILTERS).default('open')), page: ZPageNumber });

export const INQUIRIES_PAGE_SIZE = 25;

const statusesOf = (filter: InquiryFilter): InquiryStatus[] => (filter === 'open' ? [...OPEN_STATUSES] : [filter]);

/**
 * The firm's inquiries in one status (or the open ones: new, contacted, booked), paged. Those with fewer than
 * URGENT_APPEAL_DAYS left to appeal come first, the nearest first; then the rest, newest first. A deadline already
 * passed is not lifted (nothing left to rush), it only shows as passed. `today` is a Brussels date.
 */
export async function listInquiries({ actor, query, today = brusselsDate() }: { actor: StaffActor; query: unknown; today?: string }) {
  assertCan(actor, 'inquiry.read');
  const { status, page } = parseInput(ZQuery, query);
  const statuses = statusesOf(status);
  // Plain date strings, not Dates: a timestamp parameter cast to date would depend on the session's time zone.
  const until = addDays(today, URGENT_APPEAL_DAYS);
  const db = getDb();
  const urgent = Prisma.sql`("appealDueOn" >= ${today}::date AND "appealDueOn" < ${until}::date)`;
  // The order needs a CASE, which Prisma's orderBy cannot say: the page's ids in SQL, their rows through Prisma.
  const [ids, total] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Inquiry"
      WHERE "firmId" = ${actor.firmId} AND "status"::text = ANY(${statuses}::text[])
      ORDER BY CASE WHEN ${urgent} THEN 0 ELSE 1 END, CASE WHEN ${urgent} THEN "appealDueOn" END ASC, "createdAt" DESC, "id" DESC
      LIMIT ${INQUIRIES_PAGE_SIZE} OFFSET ${(page - 1) * INQUIRIES_PAGE_SIZE}`,
    db.inquiry.count({ where: { firmId: actor.firmId, status: { in: statuses } } }),
  ]);
  const found = await db.inquiry.findMany({
    where: { firmId: actor.firmId, id: { in: ids.map((row) => row.id) } },
    select: {
      id: true, status: true, firstName: true, lastName: true, topic: true, language: true, createdAt: true, appealDueOn: true, conflictOutcome: true,
      booking: { select: { cancelledAt: true, slot: { select: { startsAt: true } } } },
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const { booking, appealDueOn, ...rest } = row;
    const dueOn = appealDueOn ? fromDbDate(appealDueOn) : null;
    const left = dueOn ? daysLeft(dueOn, today) : null;
    return [{ ...rest, appealDueOn: dueOn, daysLeft: left, urgent: dueOn !== null && isAppealUrgent(dueOn, today), bookedFor: booking && !booking.cancelledAt ? booking.slot.startsAt : null }];
  });
  return { rows, total, page, pageSize: INQUIRIES_PAGE_SIZE, pageCount: pageCountOf(total, INQUIRIES_PAGE_SIZE), status };
}

export type InquiryListRow = Awaited<ReturnType<typeof listInquiries>>['rows'][number];
