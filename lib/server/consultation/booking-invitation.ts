import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/**
 * One consultation as an iCalendar invitation (RFC 5546): the same UID for the booking's whole life, so a move
 * (higher SEQUENCE) replaces the event in the person's calendar and a CANCEL removes it. Times in UTC. Every
 * value that came from a person (names, the address) goes through the generator's escaping, which keeps line
 * breaks, `;` and `,` from starting a property or an event of their own.
 */
export function buildBookingInvitation(input: {
  method: 'REQUEST' | 'CANCEL';
  bookingId: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  language: string;
}): string {
  const calendar = ical({
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: { company: 'Sejour', product: 'Sejour', language: input.language.toUpperCase() },
  });
  calendar.createEvent({
    id: bookingUid(input.bookingId),
    sequence: input.sequence,
    start: input.startsAt,
    end: new Date(input.startsAt.getTime() + input.durationMinutes * 60_000),
    summary: input.summary,
    description: input.description,
    location: input.location,
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: [{ name: input.attendee.name, email: input.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED, rsvp: false }],
  });
  // RFC 5545 ends every content line, the last one too, with CRLF; the generator leaves the final one off.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** The event's UID, also used by the advisor's feed, so both calendars name the same consultation. */
export const bookingUid = (bookingId: string) => `consultation-${bookingId}@sejour`;
