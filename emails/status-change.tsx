import type { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';
import { EmailFacts } from './_components/email-parts';

/** To the client: their case moved to a stage they can see. Labels come from `ruleLabel` in the client's language. */
export const ZStatusChangeEmailProps = ZEmailBrand.extend({
  clientName: ZEmailName,
  /** `ruleLabel(locale, \`procedure.${procedure}\`)` */
  procedureLabel: ZEmailName,
  /** `ruleLabel(locale, \`stage.${stage}\`)` */
  stageLabel: ZEmailName,
  /** `ruleLabel(locale, \`phase.${phase}\`)`, when the stage belongs to a phase */
  phaseLabel: ZEmailName.optional(),
  caseReference: ZEmailName,
  advisorName: ZEmailName,
  portalUrl: ZEmailLink,
});
export type StatusChangeEmailProps = z.infer<typeof ZStatusChangeEmailProps>;

export default function StatusChangeEmail({ locale, ...props }: StatusChangeEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('statusChange.preview', { firmName: props.firmName })}
      heading={t('statusChange.heading')}
    >
      <EmailParagraph>{t('common.dearClient', { name: props.clientName })}</EmailParagraph>
      <EmailParagraph>{t('statusChange.body')}</EmailParagraph>
      <EmailFacts
        rows={[
          [t('statusChange.facts.file'), props.caseReference],
          [t('statusChange.facts.procedure'), props.procedureLabel],
          [t('statusChange.facts.phase'), props.phaseLabel],
          [t('statusChange.facts.stage'), props.stageLabel],
        ]}
      />
      <EmailParagraph>{t('statusChange.next', { advisorName: props.advisorName })}</EmailParagraph>
      <EmailAction locale={locale} href={props.portalUrl} label={t('common.portalAction')} />
    </EmailLayout>
  );
}

StatusChangeEmail.PreviewProps = {
  locale: 'nl',
  firmName: 'Advocatenkantoor Peeters',
  clientName: 'Amina Haddad',
  procedureLabel: 'Gezinshereniging',
  stageLabel: 'Aanvraag ingediend',
  phaseLabel: 'Inschrijving',
  caseReference: '2026-0001-1',
  advisorName: 'Sofie Peeters',
  portalUrl: 'http://localhost:3000/portal',
} satisfies StatusChangeEmailProps & { locale: AppLocale };
