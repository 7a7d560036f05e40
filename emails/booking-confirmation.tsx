import { z } from 'zod';
import { bookingTranslator, formatConsultationTime } from '@/lib/email/booking-translator';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { BookingFacts, bookingLayoutLabels, ZBookingEmailFacts } from './_components/booking-facts';
import { ZEmailLink } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';

/** To the person who booked (or moved) a consultation; the .ics invitation travels as an attachment. */
export const ZBookingConfirmationEmailProps = ZBookingEmailFacts.extend({
  manageUrl: ZEmailLink,
  /** true when this confirms a move to another time */
  moved: z.boolean(),
});
export type BookingConfirmationEmailProps = z.infer<typeof ZBookingConfirmationEmailProps>;

export default function BookingConfirmationEmail({ locale, ...props }: BookingConfirmationEmailProps & { locale: PublicLocale }) {
  const t = bookingTranslator(locale);
  const moved = String(props.moved);
  return (
    <EmailLayout
      locale={locale}
      labels={bookingLayoutLabels(t, props.firmName)}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('email.confirmation.preview', { advisorName: props.advisorName, when: formatConsultationTime(locale, props.startsAt) })}
      heading={t('email.confirmation.heading', { moved })}
    >
      <EmailParagraph>{t('email.greeting', { personName: props.personName })}</EmailParagraph>
      <EmailParagraph>{t('email.confirmation.body', { moved, advisorName: props.advisorName, firmName: props.firmName })}</EmailParagraph>
      <BookingFacts locale={locale} facts={props} />
      <EmailAction locale={locale} fallback={t('email.linkFallback')} href={props.manageUrl} label={t('email.confirmation.action')} />
      <EmailNote>{t('email.confirmation.manageNote')}</EmailNote>
    </EmailLayout>
  );
}

BookingConfirmationEmail.PreviewProps = {
  locale: 'de',
  firmName: 'Cabinet Dubois & Associés',
  personName: 'Anna Schmidt',
  advisorName: 'Claire Dubois',
  startsAt: '2026-12-14T09:30:00.000Z',
  durationMinutes: 45,
  priceCents: 6000,
  mode: 'VIDEO',
  location: 'https://meet.example/dubois',
  manageUrl: 'http://localhost:3000/booking/preview',
  moved: false,
} satisfies BookingConfirmationEmailProps & { locale: PublicLocale };
