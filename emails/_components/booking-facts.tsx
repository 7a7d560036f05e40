import { Link } from '@react-email/components';
import { z } from 'zod';
import { bookingTranslator, formatConsultationTime, formatEuros, type BookingTranslator } from '@/lib/email/booking-translator';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { ZEmailBrand, ZEmailName } from './email-fields';
import type { EmailLayoutLabels } from './email-layout';
import { EmailFacts } from './email-parts';

// What every email to the person who booked shows about the consultation, in their language (en, nl, fr, de).

/** A line of text someone typed (an address, a phone number): no line breaks, so it cannot forge a header or a row. */
const ZOneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\r\n]*$/, 'must be a single line');

export const ZBookingEmailFacts = ZEmailBrand.extend({
  personName: ZEmailName,
  advisorName: ZEmailName,
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  priceCents: z.number().int().min(0),
  mode: z.enum(['IN_PERSON', 'PHONE', 'VIDEO']),
  /** the address (in person) or the https link (video) */
  location: ZOneLine(500).optional(),
  /** the person's number, for a phone consultation */
  phone: ZOneLine(40).optional(),
});
export type BookingEmailFacts = z.infer<typeof ZBookingEmailFacts>;

export function bookingLayoutLabels(t: BookingTranslator, firmName: string): EmailLayoutLabels {
  return { logoAlt: t('email.logoAlt', { firmName }), footer: t('email.footer', { firmName }) };
}

export function BookingFacts({ locale, facts }: { locale: PublicLocale; facts: BookingEmailFacts }) {
  const t = bookingTranslator(locale);
  const where =
    // Only an https link is made clickable (publishSlot accepts no other for a video); anything else stays text.
    facts.mode === 'VIDEO' && facts.location && /^https:\/\/\S+$/.test(facts.location) ? <Link href={facts.location}>{facts.location}</Link>
    : facts.mode === 'PHONE' ? (facts.phone ? t('phoneCall', { phone: facts.phone }) : t('phoneCallNoNumber'))
    : facts.location;
  return (
    <EmailFacts
      rows={[
        [t('facts.when'), formatConsultationTime(locale, facts.startsAt)],
        [t('facts.length'), t('lengthValue', { minutes: facts.durationMinutes })],
        [t('facts.mode'), t(`modes.${facts.mode}`)],
        [facts.mode === 'VIDEO' ? t('facts.videoLink') : facts.mode === 'PHONE' ? t('facts.phone') : t('facts.place'), where],
        [t('facts.price'), facts.priceCents === 0 ? t('priceFree') : formatEuros(locale, facts.priceCents)],
        [t('facts.advisor'), facts.advisorName],
        [t('facts.firm'), facts.firmName],
      ]}
    />
  );
}
