import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';
import { EmailList } from './_components/email-parts';

/** To the client: their advisor asks for documents. Names are in the client's language (e.g. `ruleLabel(locale, 'documentKind.PASSPORT')`). */
export const ZDocumentRequestedEmailProps = ZEmailBrand.extend({
  clientName: ZEmailName,
  advisorName: ZEmailName,
  documents: z.array(ZEmailName).min(1).max(100),
  portalUrl: ZEmailLink,
  /** goes into the subject as an ICU value, so it must agree with the list */
  count: z.number().int().positive(),
}).refine((props) => props.count === props.documents.length, { path: ['count'], message: 'must equal the number of documents' });
export type DocumentRequestedEmailProps = z.infer<typeof ZDocumentRequestedEmailProps>;

export default function DocumentRequestedEmail({ locale, ...props }: DocumentRequestedEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const count = props.documents.length;
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('documentRequested.preview')}
      heading={t('documentRequested.heading', { count })}
    >
      <EmailParagraph>{t('common.dearClient', { name: props.clientName })}</EmailParagraph>
      <EmailParagraph>{t('documentRequested.body', { advisorName: props.advisorName, firmName: props.firmName, count })}</EmailParagraph>
      <EmailList items={props.documents} />
      <EmailParagraph>{t('documentRequested.how', { count })}</EmailParagraph>
      <EmailAction locale={locale} href={props.portalUrl} label={t('documentRequested.action')} />
      <EmailNote>{t('documentRequested.help', { advisorName: props.advisorName })}</EmailNote>
    </EmailLayout>
  );
}

DocumentRequestedEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  clientName: 'Amina Haddad',
  advisorName: 'Sofie Peeters',
  documents: ['Passport', 'Birth certificate', 'Proof of accommodation'],
  portalUrl: 'http://localhost:3000/portal',
  count: 3,
} satisfies DocumentRequestedEmailProps & { locale: AppLocale };
