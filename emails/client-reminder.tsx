import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { dueWhen, formatPlainDate, ZEmailDate } from './_components/email-dates';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';
import { EmailSubheading } from './_components/email-parts';

/** To the client, in plain words: what to do about one of their dates, and by when. */
export const ZClientReminderEmailProps = ZEmailBrand.extend({
  clientName: ZEmailName,
  deadlineKind: z.enum(DEADLINE_KINDS),
  /** `ruleLabel(locale, \`deadline.${deadlineKind}\`)` in the client's language */
  deadlineLabel: ZEmailName,
  dueOn: ZEmailDate,
  /** set for a window ("between X and Y"), e.g. the days in which a renewal can be asked */
  opensOn: ZEmailDate.optional(),
  /** whole days from today to `dueOn`: 0 is today */
  daysLeft: z.number().int().min(0).max(3660),
  advisorName: ZEmailName,
  portalUrl: ZEmailLink,
}).refine((props) => !props.opensOn || props.opensOn <= props.dueOn, { path: ['opensOn'], message: 'must not be after dueOn' });
export type ClientReminderEmailProps = z.infer<typeof ZClientReminderEmailProps>;

export default function ClientReminderEmail({ locale, ...props }: ClientReminderEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const when = dueWhen(t, props.daysLeft);
  const dueDate = formatPlainDate(locale, props.dueOn);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('clientReminder.preview')}
      heading={t('clientReminder.heading', { deadlineLabel: props.deadlineLabel })}
    >
      <EmailParagraph>{t('common.dearClient', { name: props.clientName })}</EmailParagraph>
      <EmailParagraph>{t('clientReminder.intro', { firmName: props.firmName })}</EmailParagraph>
      <EmailSubheading>{t('clientReminder.whatHeading')}</EmailSubheading>
      <EmailParagraph>{t(`clientReminder.instructions.${props.deadlineKind}`, { advisorName: props.advisorName })}</EmailParagraph>
      <EmailSubheading>{t('clientReminder.whenHeading')}</EmailSubheading>
      <EmailParagraph>
        {props.opensOn
          ? t('clientReminder.window', { opensOn: formatPlainDate(locale, props.opensOn), dueDate, when })
          : t('clientReminder.by', { dueDate, when })}
      </EmailParagraph>
      <EmailAction locale={locale} href={props.portalUrl} label={t('common.portalAction')} />
      <EmailNote>{t('clientReminder.help', { advisorName: props.advisorName, firmName: props.firmName })}</EmailNote>
    </EmailLayout>
  );
}

ClientReminderEmail.PreviewProps = {
  locale: 'fr',
  firmName: 'Cabinet Dubois & Associés',
  clientName: 'Amina Haddad',
  deadlineKind: 'RENEWAL_WINDOW',
  deadlineLabel: 'Renouvellement de la carte',
  dueOn: '2026-12-14',
  opensOn: '2026-10-15',
  daysLeft: 30,
  advisorName: 'Claire Dubois',
  portalUrl: 'http://localhost:3000/portal',
} satisfies ClientReminderEmailProps & { locale: AppLocale };
