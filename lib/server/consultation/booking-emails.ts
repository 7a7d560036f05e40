import type { Tx } from '@/lib/db';
import { bookingTranslator } from '@/lib/email/booking-translator';
import type { EmailAttachment } from '@/lib/email/email-attachments';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { env } from '@/lib/env';
import type { BookingEmailFacts } from '@/emails/_components/booking-facts';
import { buildBookingInvitation } from './booking-invitation';
import { advisorName, type BookingDetails } from './booking-details';

// The pieces the booking operations put in their emails: the person's facts, the .ics, the advisor's notice.

export const manageUrl = (token: string) => new URL(`/booking/${encodeURIComponent(token)}`, env().APP_URL).toString();
export const firmPageUrl = (slug: string) => new URL(`/f/${encodeURIComponent(slug)}`, env().APP_URL).toString();
const consultationsUrl = () => new URL('/consultations', env().APP_URL).toString();

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function personFacts(b: BookingDetails): BookingEmailFacts {
  return {
    firmName: b.firm.name,
    // Whitespace runs (a line break from another path into the row) become one space: the email still goes.
    personName: oneLine(b.name),
    advisorName: advisorName(b.slot.advisor),
    startsAt: b.slot.startsAt.toISOString(),
    durationMinutes: b.slot.durationMinutes,
    priceCents: b.slot.priceCents,
    mode: b.slot.mode,
    ...(b.slot.location ? { location: b.slot.location } : {}),
    ...(b.phone ? { phone: b.phone } : {}),
  };
}

/** The booking as a calendar invitation in the person's language: REQUEST to add or move it, CANCEL to remove it. */
export function invitationAttachment(b: BookingDetails, method: 'REQUEST' | 'CANCEL', link: string | null): EmailAttachment {
  const t = bookingTranslator(b.language);
  const advisor = advisorName(b.slot.advisor);
  const mode = t(`modes.${b.slot.mode}`);
  const where = b.slot.mode === 'PHONE' ? (b.phone ? t('phoneCall', { phone: b.phone }) : t('phoneCallNoNumber')) : b.slot.location;
  const content = buildBookingInvitation({
    method,
    bookingId: b.id,
    sequence: b.sequence,
    startsAt: b.slot.startsAt,
    durationMinutes: b.slot.durationMinutes,
    summary: t('calendar.summary', { advisorName: advisor, firmName: b.firm.name }),
    description: [mode, where, link ? t('calendar.manage', { url: link }) : null].filter(Boolean).join('\n'),
    location: b.slot.mode === 'PHONE' ? null : b.slot.location,
    organizer: { name: `${advisor} (${b.firm.name})`, email: b.slot.advisor.email },
    attendee: { name: b.name, email: b.email },
    language: b.language,
  });
  return { filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content };
}

export type NoticeKind = 'booked' | 'moved' | 'cancelled';

/** Tells the advisor whose time it is (in their own app language) that a person booked, moved or cancelled it. */
export async function enqueueAdvisorNotice(tx: Tx, b: BookingDetails, kind: NoticeKind) {
  const advisor = b.slot.advisor;
  return enqueueEmail(tx, {
    key: `consultation-notice:${b.id}:${b.sequence}:${b.slot.id}:${kind}`,
    firmId: b.firmId,
    template: 'consultation-notice',
    locale: advisor.locale,
    to: advisor.email,
    responsibleUserId: advisor.id,
    props: {
      firmName: b.firm.name,
      kind,
      recipientName: advisorName(advisor),
      personName: oneLine(b.name),
      personEmail: b.email,
      ...(b.phone ? { personPhone: b.phone } : {}),
      personLanguage: b.language,
      startsAt: b.slot.startsAt.toISOString(),
      durationMinutes: b.slot.durationMinutes,
      mode: b.slot.mode,
      consultationsUrl: consultationsUrl(),
    },
  });
}
