import type { z } from 'zod';
import { bookingTranslator, formatConsultationTime } from '@/lib/email/booking-translator';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { BookingFacts, bookingLayoutLabels, ZBookingEmailFacts } from './_components/booking-facts';
import { ZEmailLink } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';

/** To the person who booked: the firm withdrew the time; the firm's page offers the others. */
export const ZBookingWithdrawnEmailProps = ZBookingEmailFacts.extend({ firmPageUrl: ZEmailLink });
export type BookingWithdrawnEmailProps = z.infer<typeof ZBookingWithdrawnEmailProps>;

export default function BookingWithdrawnEmail({ locale, ...props }: BookingWithdrawnEmailProps & { locale: PublicLocale }) {
  const t = bookingTranslator(locale);
  const when = formatConsultationTime(locale, props.startsAt);
  return (
    <EmailLayout
      locale={locale}
      labels={bookingLayoutLabels(t, props.firmName)}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('email.withdrawn.preview', { firmName: props.firmName, when })}
      heading={t('email.withdrawn.heading')}
    >
      <EmailParagraph>{t('email.greeting', { personName: props.personName })}</EmailParagraph>
      <EmailParagraph>{t('email.withdrawn.body', { firmName: props.firmName, advisorName: props.advisorName, when })}</EmailParagraph>
      <BookingFacts locale={locale} facts={props} />
      <EmailAction locale={locale} fallback={t('email.linkFallback')} href={props.firmPageUrl} label={t('email.withdrawn.action')} />
    </EmailLayout>
  );
}

BookingWithdrawnEmail.PreviewProps = {
  locale: 'fr',
  firmName: 'Cabinet Dubois & Associés',
  personName: 'Amal Haddad',
  advisorName: 'Claire Dubois',
  startsAt: '2026-12-14T09:30:00.000Z',
  durationMinutes: 30,
  priceCents: 2900,
  mode: 'IN_PERSON',
  location: 'Rue de la Loi 16, 1000 Bruxelles',
  firmPageUrl: 'http://localhost:3000/f/dubois',
} satisfies BookingWithdrawnEmailProps & { locale: PublicLocale };
