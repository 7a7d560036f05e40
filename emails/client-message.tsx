import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';
import { EmailQuote } from './_components/email-parts';

/** To the advisor: a client wrote from the portal about one of their cases. */
export const ZClientMessageEmailProps = ZEmailBrand.extend({
  advisorName: ZEmailName,
  clientName: ZEmailName,
  caseReference: ZEmailName,
  /** the start of the message, as the client wrote it */
  excerpt: z.string().trim().min(1).max(1000),
  caseUrl: ZEmailLink,
});
export type ClientMessageEmailProps = z.infer<typeof ZClientMessageEmailProps>;

export default function ClientMessageEmail({ locale, ...props }: ClientMessageEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('clientMessage.preview', { clientName: props.clientName })}
      heading={t('clientMessage.heading', { clientName: props.clientName, caseReference: props.caseReference })}
    >
      <EmailParagraph>{t('clientMessage.greeting', { advisorName: props.advisorName })}</EmailParagraph>
      <EmailParagraph>{t('clientMessage.body', { clientName: props.clientName, caseReference: props.caseReference })}</EmailParagraph>
      <EmailQuote>{props.excerpt}</EmailQuote>
      <EmailAction locale={locale} href={props.caseUrl} label={t('clientMessage.action')} />
      <EmailNote>{t('clientMessage.note')}</EmailNote>
    </EmailLayout>
  );
}

ClientMessageEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  advisorName: 'Sofie Peeters',
  clientName: 'Amina Haddad',
  caseReference: '2026-0001-1',
  excerpt: 'Hello, the commune gave me an appointment on 14 December. Should I bring the original birth certificate?',
  caseUrl: 'http://localhost:3000/cases/preview',
} satisfies ClientMessageEmailProps & { locale: AppLocale };
