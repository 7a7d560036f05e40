import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';

/** A firm member invites someone to join the firm's staff. */
export const ZInvitationEmailProps = ZEmailBrand.extend({
  inviterName: ZEmailName,
  role: z.enum(['ADMIN', 'ADVISOR', 'ASSISTANT']),
  url: ZEmailLink,
  expiresInDays: z.number().int().positive().max(90),
});
export type InvitationEmailProps = z.infer<typeof ZInvitationEmailProps>;

export default function InvitationEmail({ locale, ...props }: InvitationEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('invitation.preview', { firmName: props.firmName })}
      heading={t('invitation.heading', { firmName: props.firmName })}
    >
      <EmailParagraph>
        {t('invitation.body', { inviterName: props.inviterName, firmName: props.firmName, role: t(`invitation.roles.${props.role}`) })}
      </EmailParagraph>
      <EmailAction locale={locale} href={props.url} label={t('invitation.action')} />
      <EmailNote>{t('invitation.expiry', { days: props.expiresInDays })}</EmailNote>
      <EmailNote>{t('invitation.notExpected')}</EmailNote>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: 'nl',
  firmName: 'Advocatenkantoor Peeters',
  inviterName: 'Sofie Peeters',
  role: 'ADVISOR',
  url: 'http://localhost:3000/invitations/preview-token',
  expiresInDays: 7,
} satisfies InvitationEmailProps & { locale: AppLocale };
