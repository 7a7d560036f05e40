import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';

/** An advisor opens the client portal for one of their clients. */
export const ZPortalInvitationEmailProps = ZEmailBrand.extend({
  advisorName: ZEmailName,
  clientName: ZEmailName.optional(),
  url: ZEmailLink,
  expiresInDays: z.number().int().positive().max(90),
});
export type PortalInvitationEmailProps = z.infer<typeof ZPortalInvitationEmailProps>;

export default function PortalInvitationEmail({ locale, ...props }: PortalInvitationEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('portalInvitation.preview', { firmName: props.firmName })}
      heading={t('portalInvitation.heading', { firmName: props.firmName })}
    >
      <EmailParagraph>
        {props.clientName ? t('portalInvitation.greeting', { clientName: props.clientName }) : t('portalInvitation.greetingWithoutName')}
      </EmailParagraph>
      <EmailParagraph>{t('portalInvitation.body', { advisorName: props.advisorName, firmName: props.firmName })}</EmailParagraph>
      <EmailAction locale={locale} href={props.url} label={t('portalInvitation.action')} />
      <EmailNote>{t('portalInvitation.expiry', { days: props.expiresInDays, advisorName: props.advisorName })}</EmailNote>
      <EmailNote>{t('portalInvitation.notExpected', { firmName: props.firmName })}</EmailNote>
    </EmailLayout>
  );
}

PortalInvitationEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  advisorName: 'Sofie Peeters',
  clientName: 'Amina Haddad',
  url: 'http://localhost:3000/portal/sign-in/verify?token=preview',
  expiresInDays: 7,
} satisfies PortalInvitationEmailProps & { locale: AppLocale };
