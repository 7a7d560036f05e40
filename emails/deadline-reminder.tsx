import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { dueWhen, formatPlainDate, ZEmailDate } from './_components/email-dates';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';
import { EmailFacts } from './_components/email-parts';

/** To the advisor: one deadline of one case is coming up. */
export const ZDeadlineReminderEmailProps = ZEmailBrand.extend({
  recipientName: ZEmailName,
  clientName: ZEmailName,
  caseReference: ZEmailName,
  deadlineKind: z.enum(DEADLINE_KINDS),
  /** `ruleLabel(locale, \`deadline.${deadlineKind}\`)` in the recipient's language; the subject needs it as a plain value. */
  deadlineLabel: ZEmailName,
  dueOn: ZEmailDate,
  /** the first day of a window (a renewal can only be asked from then on) */
  opensOn: ZEmailDate.optional(),
  /** whole days from today to `dueOn`: 0 is today; overdue deadlines go in the daily digest */
  daysLeft: z.number().int().min(0).max(3660),
  /** the legal basis, shown as given */
  basis: z.string().trim().min(1).max(500),
  caseUrl: ZEmailLink,
}).refine((props) => !props.opensOn || props.opensOn <= props.dueOn, { path: ['opensOn'], message: 'must not be after dueOn' });
export type DeadlineReminderEmailProps = z.infer<typeof ZDeadlineReminderEmailProps>;

export default function DeadlineReminderEmail({ locale, ...props }: DeadlineReminderEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const when = dueWhen(t, props.daysLeft);
  const dueDate = formatPlainDate(locale, props.dueOn);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('deadlineReminder.preview', { clientName: props.clientName, caseReference: props.caseReference, deadlineLabel: props.deadlineLabel, dueDate })}
      heading={t('deadlineReminder.heading', { deadlineLabel: props.deadlineLabel, when })}
    >
      <EmailParagraph>{t('common.helloAdvisor', { name: props.recipientName })}</EmailParagraph>
      <EmailParagraph>{t('deadlineReminder.body', { clientName: props.clientName, when })}</EmailParagraph>
      <EmailFacts
        rows={[
          [t('deadlineReminder.facts.client'), props.clientName],
          [t('deadlineReminder.facts.case'), props.caseReference],
          [t('deadlineReminder.facts.deadline'), props.deadlineLabel],
          [t('deadlineReminder.facts.opensOn'), props.opensOn ? formatPlainDate(locale, props.opensOn) : undefined],
          [t('deadlineReminder.facts.dueOn'), dueDate],
          [t('deadlineReminder.facts.basis'), props.basis],
        ]}
      />
      <EmailAction locale={locale} href={props.caseUrl} label={t('deadlineReminder.action')} />
      <EmailNote>{t('common.dateCheck')}</EmailNote>
    </EmailLayout>
  );
}

DeadlineReminderEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  recipientName: 'Sofie Peeters',
  clientName: 'Amina Haddad',
  caseReference: '2026-0001-1',
  deadlineKind: 'APPEAL',
  deadlineLabel: 'Appeal to the RvV/CCE',
  dueOn: '2026-12-14',
  daysLeft: 7,
  basis: 'Art. 39/57 §1 Aliens Act (30 days from notification)',
  caseUrl: 'http://localhost:3000/cases/preview',
} satisfies DeadlineReminderEmailProps & { locale: AppLocale };
