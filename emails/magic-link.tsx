import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';

/** A client asked to sign in to their portal; the link signs them in once. */
export const ZMagicLinkEmailProps = ZEmailBrand.extend({
  url: ZEmailLink,
  minutes: z.number().int().positive().max(24 * 60),
});
export type MagicLinkEmailProps = z.infer<typeof ZMagicLinkEmailProps>;

export default function MagicLinkEmail({ locale, ...props }: MagicLinkEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('magicLink.preview', { firmName: props.firmName })}
      heading={t('magicLink.heading')}
    >
      <EmailParagraph>{t('magicLink.body', { firmName: props.firmName, minutes: props.minutes })}</EmailParagraph>
      <EmailAction locale={locale} href={props.url} label={t('magicLink.action')} />
      <EmailNote>{t('magicLink.notRequested')}</EmailNote>
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = {
  locale: 'fr',
  firmName: 'Cabinet Dubois & Associés',
  url: 'http://localhost:3000/portal/sign-in/verify?token=preview',
  minutes: 20,
} satisfies MagicLinkEmailProps & { locale: AppLocale };
