import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';
import { EmailQuote } from './_components/email-parts';

/** To the client: a document they sent was not accepted, with the advisor's reason. */
export const ZDocumentRejectedEmailProps = ZEmailBrand.extend({
  clientName: ZEmailName,
  advisorName: ZEmailName,
  documentName: ZEmailName,
  /** the advisor's words, already in the client's language: quoted as given, never translated */
  reason: z.string().trim().min(1).max(1000),
  portalUrl: ZEmailLink,
});
export type DocumentRejectedEmailProps = z.infer<typeof ZDocumentRejectedEmailProps>;

export default function DocumentRejectedEmail({ locale, ...props }: DocumentRejectedEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('documentRejected.preview', { documentName: props.documentName })}
      heading={t('documentRejected.heading')}
    >
      <EmailParagraph>{t('common.dearClient', { name: props.clientName })}</EmailParagraph>
      <EmailParagraph>{t('documentRejected.body', { advisorName: props.advisorName, documentName: props.documentName })}</EmailParagraph>
      <EmailParagraph>{t('documentRejected.reasonIntro')}</EmailParagraph>
      <EmailQuote>{props.reason}</EmailQuote>
      <EmailParagraph>{t('documentRejected.next', { advisorName: props.advisorName })}</EmailParagraph>
      <EmailAction locale={locale} href={props.portalUrl} label={t('documentRejected.action')} />
    </EmailLayout>
  );
}

DocumentRejectedEmail.PreviewProps = {
  locale: 'nl',
  firmName: 'Advocatenkantoor Peeters',
  clientName: 'Amina Haddad',
  advisorName: 'Sofie Peeters',
  documentName: 'Geboorteakte',
  reason: 'De akte is niet gelegaliseerd. Laat ze legaliseren of voorzien van een apostille.\nStuur daarna een scan van alle pagina’s.',
  portalUrl: 'http://localhost:3000/portal',
} satisfies DocumentRejectedEmailProps & { locale: AppLocale };
