import type { z } from 'zod';
import { bookingTranslator, formatConsultationTime } from '@/lib/email/booking-translator';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { BookingFacts, bookingLayoutLabels, ZBookingEmailFacts } from './_components/booking-facts';
import { ZEmailLink } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';

/** To the person who booked, the day before the consultation. */
export const ZBookingReminderEmailProps = ZBookingEmailFacts.extend({ manageUrl: ZEmailLink });
export type BookingReminderEmailProps = z.infer<typeof ZBookingReminderEmailProps>;

export default function BookingReminderEmail({ locale, ...props }: BookingReminderEmailProps & { locale: PublicLocale }) {
  const t = bookingTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      labels={bookingLayoutLabels(t, props.firmName)}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('email.reminder.preview', { advisorName: props.advisorName, when: formatConsultationTime(locale, props.startsAt) })}
      heading={t('email.reminder.heading')}
    >
      <EmailParagraph>{t('email.greeting', { personName: props.personName })}</EmailParagraph>
      <EmailParagraph>{t('email.reminder.body', { advisorName: props.advisorName, firmName: props.firmName })}</EmailParagraph>
      <BookingFacts locale={locale} facts={props} />
      <EmailAction locale={locale} fallback={t('email.linkFallback')} href={props.manageUrl} label={t('email.reminder.action')} />
    </EmailLayout>
  );
}

BookingReminderEmail.PreviewProps = {
  locale: 'nl',
  firmName: 'Peeters Immigration Law',
  personName: 'Amal Haddad',
  advisorName: 'Sofie Peeters',
  startsAt: '2026-12-14T09:30:00.000Z',
  durationMinutes: 30,
  priceCents: 0,
  mode: 'PHONE',
  phone: '+32 470 12 34 56',
  manageUrl: 'http://localhost:3000/booking/preview',
} satisfies BookingReminderEmailProps & { locale: PublicLocale };
