import type { z } from 'zod';
import { bookingTranslator, formatConsultationTime } from '@/lib/email/booking-translator';
import type { PublicLocale } from '@/lib/i18n/public-locales';
import { BookingFacts, bookingLayoutLabels, ZBookingEmailFacts } from './_components/booking-facts';
import { ZEmailLink } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';

/**
 * To the person who booked, the day before the consultation. Only the token's hash is kept, so the manage link
 * cannot be written again: the email points to the one in the confirmation.
 */
export const ZBookingReminderEmailProps = ZBookingEmailFacts.extend({ firmPageUrl: ZEmailLink });
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
      <EmailNote>{t('email.reminder.manageNote')}</EmailNote>
      <EmailAction locale={locale} fallback={t('email.linkFallback')} href={props.firmPageUrl} label={t('email.reminder.action')} />
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
  firmPageUrl: 'http://localhost:3000/f/peeters',
} satisfies BookingReminderEmailProps & { locale: PublicLocale };
