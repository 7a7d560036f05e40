import { z } from 'zod';
import { emailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { dueWhen, formatPlainDate, ZEmailDate } from './_components/email-dates';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailParagraph } from './_components/email-layout';
import { EmailFacts } from './_components/email-parts';

/** To the member a task is assigned to: it is due tomorrow or today. */
export const ZTaskReminderEmailProps = ZEmailBrand.extend({
  recipientName: ZEmailName,
  taskTitle: z.string().trim().min(1).max(300).regex(/^[^\r\n]*$/, 'must be a single line'),
  clientName: ZEmailName,
  caseReference: ZEmailName,
  dueOn: ZEmailDate,
  /** 1: due tomorrow, 0: due today */
  daysLeft: z.number().int().min(0).max(1),
  caseUrl: ZEmailLink,
});
export type TaskReminderEmailProps = z.infer<typeof ZTaskReminderEmailProps>;

export default function TaskReminderEmail({ locale, ...props }: TaskReminderEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const when = dueWhen(t, props.daysLeft);
  const dueDate = formatPlainDate(locale, props.dueOn);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('taskReminder.preview', { taskTitle: props.taskTitle, caseReference: props.caseReference, dueDate })}
      heading={t('taskReminder.heading', { when })}
    >
      <EmailParagraph>{t('common.helloAdvisor', { name: props.recipientName })}</EmailParagraph>
      <EmailParagraph>{t('taskReminder.body', { clientName: props.clientName, when })}</EmailParagraph>
      <EmailFacts
        rows={[
          [t('taskReminder.facts.task'), props.taskTitle],
          [t('taskReminder.facts.client'), props.clientName],
          [t('taskReminder.facts.case'), props.caseReference],
          [t('taskReminder.facts.dueOn'), dueDate],
        ]}
      />
      <EmailAction locale={locale} href={props.caseUrl} label={t('taskReminder.action')} />
    </EmailLayout>
  );
}

TaskReminderEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  recipientName: 'Sofie Peeters',
  taskTitle: 'Call the commune about the residence check',
  clientName: 'Amina Haddad',
  caseReference: '2026-0001-1',
  dueOn: '2026-12-08',
  daysLeft: 1,
  caseUrl: 'http://localhost:3000/cases/preview',
} satisfies TaskReminderEmailProps & { locale: AppLocale };
