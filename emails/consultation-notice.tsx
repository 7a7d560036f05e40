import { z } from 'zod';
import { formatConsultationTime } from '@/lib/email/booking-translator';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { PUBLIC_LOCALE_NAMES, PUBLIC_LOCALES } from '@/lib/i18n/public-locales';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';
import { EmailFacts } from './_components/email-parts';

/** To the advisor whose consultation someone booked, moved (to or away from their time) or cancelled. */
export const ZConsultationNoticeEmailProps = ZEmailBrand.extend({
  kind: z.enum(['booked', 'moved', 'cancelled']),
  recipientName: ZEmailName,
  personName: ZEmailName,
  personEmail: z.email(),
  personPhone: z.string().trim().min(1).max(40).regex(/^[^\r\n]*$/).optional(),
  personLanguage: z.enum(PUBLIC_LOCALES),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  mode: z.enum(['IN_PERSON', 'PHONE', 'VIDEO']),
  consultationsUrl: ZEmailLink,
});
export type ConsultationNoticeEmailProps = z.infer<typeof ZConsultationNoticeEmailProps>;

export default function ConsultationNoticeEmail({ locale, ...props }: ConsultationNoticeEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const when = formatConsultationTime(locale, props.startsAt);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('consultationNotice.preview', { kind: props.kind, personName: props.personName, when })}
      heading={t('consultationNotice.heading', { kind: props.kind })}
    >
      <EmailParagraph>{t('common.helloAdvisor', { name: props.recipientName })}</EmailParagraph>
      <EmailParagraph>{t('consultationNotice.body', { kind: props.kind, personName: props.personName, when })}</EmailParagraph>
      <EmailFacts
        rows={[
          [t('consultationNotice.facts.when'), when],
          [t('consultationNotice.facts.length'), t('consultationNotice.minutes', { minutes: props.durationMinutes })],
          [t('consultationNotice.facts.mode'), t(`consultationNotice.modes.${props.mode}`)],
          [t('consultationNotice.facts.person'), props.personName],
          [t('consultationNotice.facts.email'), props.personEmail],
          [t('consultationNotice.facts.phone'), props.personPhone],
          [t('consultationNotice.facts.language'), PUBLIC_LOCALE_NAMES[props.personLanguage]],
        ]}
      />
      <EmailAction locale={locale} href={props.consultationsUrl} label={t('consultationNotice.action')} />
    </EmailLayout>
  );
}

ConsultationNoticeEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  kind: 'booked',
  recipientName: 'Sofie Peeters',
  personName: 'Anna Schmidt',
  personEmail: 'anna@example.de',
  personPhone: '+49 30 1234567',
  personLanguage: 'de',
  startsAt: '2026-12-14T09:30:00.000Z',
  durationMinutes: 45,
  mode: 'PHONE',
  consultationsUrl: 'http://localhost:3000/consultations',
} satisfies ConsultationNoticeEmailProps & { locale: AppLocale };
