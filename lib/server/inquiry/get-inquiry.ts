import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { brusselsDate, fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { daysLeft } from '@/lib/rules/inquiry-appeal';
import { openNationalRegisterNumber } from '@/lib/server/client/sealed-national-number';
import { ZConflictMatches } from './inquiry-schemas';

/**
 * One inquiry of the firm for its page: what the person sent (plain text, shown as text), the booking, the last
 * conflict check with who ran it, and the client and case it became. The number in clear, as on a client's page.
 */
export async function getInquiry({ actor, inquiryId, today = brusselsDate() }: { actor: StaffActor; inquiryId: string; today?: string }) {
  assertCan(actor, 'inquiry.read');
  const db = getDb();
  const inquiry = await db.inquiry.findFirst({
    where: { id: inquiryId, firmId: actor.firmId },
    omit: { nationalRegisterNumberHash: true, letterStorageKey: true },
    include: {
      booking: { select: { id: true, cancelledAt: true, slot: { select: { startsAt: true, durationMinutes: true, mode: true } } } },
      convertedCase: { select: { id: true, reference: true } },
    },
  });
  if (!inquiry) throw new AppError('NOT_FOUND');
  const { nationalRegisterNumberEnc, ...fields } = inquiry;
  const [checkedBy, convertedClient] = await Promise.all([
    inquiry.conflictCheckedById
      ? db.user.findFirst({ where: { id: inquiry.conflictCheckedById, memberships: { some: { firmId: actor.firmId } } }, select: { name: true, email: true } })
      : null,
    inquiry.convertedClientId ? db.client.findFirst({ where: { id: inquiry.convertedClientId, firmId: actor.firmId, deletedAt: null }, select: { id: true, fileNumber: true } }) : null,
  ]);
  const number = openNationalRegisterNumber({ table: 'Inquiry', id: inquiry.id, sealed: nationalRegisterNumberEnc });
  const matches = ZConflictMatches.safeParse(inquiry.conflictMatches ?? []);
  const dueOn = inquiry.appealDueOn ? fromDbDate(inquiry.appealDueOn) : null;
  return {
    ...fields,
    birthDate: inquiry.birthDate ? fromDbDate(inquiry.birthDate) : null,
    refusalNotifiedOn: inquiry.refusalNotifiedOn ? fromDbDate(inquiry.refusalNotifiedOn) : null,
    appealDueOn: dueOn,
    daysLeft: dueOn ? daysLeft(dueOn, today) : null,
    nationalRegisterNumber: number.value,
    nationalRegisterNumberUnreadable: number.unreadable,
    hasLetter: Boolean(inquiry.letterFileName),
    conflictMatches: matches.success ? matches.data : [],
    checkedBy: checkedBy ? (checkedBy.name ?? checkedBy.email) : null,
    convertedClient,
  };
}

export type InquiryView = Awaited<ReturnType<typeof getInquiry>>;
