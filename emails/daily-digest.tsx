import { Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailTranslator, type EmailTranslator } from '@/lib/email/email-translator';
import type { AppLocale } from '@/lib/i18n/config';
import { DEADLINE_KINDS } from '@/lib/rules/vocabulary';
import { dueWhen, formatPlainDate, ZEmailDate } from './_components/email-dates';
import { ZEmailBrand, ZEmailLink, ZEmailName } from './_components/email-fields';
import { EmailAction, EmailLayout, EmailNote, EmailParagraph } from './_components/email-layout';
import { EmailSubheading } from './_components/email-parts';

const ZDigestItem = z.object({
  clientName: ZEmailName,
  caseReference: ZEmailName,
  deadlineKind: z.enum(DEADLINE_KINDS),
  deadlineLabel: ZEmailName,
  dueOn: ZEmailDate,
  /** negative: overdue by that many days */
  daysLeft: z.number().int().min(-3660).max(3660),
  caseUrl: ZEmailLink,
});
type DigestItem = z.infer<typeof ZDigestItem>;

/** To the advisor, once a day: every deadline due in the coming days, overdue ones first. */
export const ZDailyDigestEmailProps = ZEmailBrand.extend({
  recipientName: ZEmailName,
  /** the day of the digest */
  date: ZEmailDate,
  items: z.array(ZDigestItem).min(1).max(500),
  dashboardUrl: ZEmailLink,
  // Both counts go into the subject as ICU values, so they must agree with the list they summarise.
  count: z.number().int().positive(),
  overdueCount: z.number().int().nonnegative(),
})
  .refine((props) => props.count === props.items.length, { path: ['count'], message: 'must equal the number of items' })
  .refine((props) => props.overdueCount === props.items.filter((item) => item.daysLeft < 0).length, {
    path: ['overdueCount'],
    message: 'must equal the number of overdue items',
  });
export type DailyDigestEmailProps = z.infer<typeof ZDailyDigestEmailProps>;

/** Most overdue first, then by due date; the caller's order is not trusted. */
function digestOrder(items: readonly DigestItem[]): DigestItem[] {
  return [...items].sort((a, b) => Number(b.daysLeft < 0) - Number(a.daysLeft < 0) || a.dueOn.localeCompare(b.dueOn) || a.caseReference.localeCompare(b.caseReference));
}

export default function DailyDigestEmail({ locale, ...props }: DailyDigestEmailProps & { locale: AppLocale }) {
  const t = emailTranslator(locale);
  const date = formatPlainDate(locale, props.date);
  const sorted = digestOrder(props.items);
  const overdue = sorted.filter((item) => item.daysLeft < 0);
  const upcoming = sorted.filter((item) => item.daysLeft >= 0);
  return (
    <EmailLayout
      locale={locale}
      firmName={props.firmName}
      firmLogoUrl={props.firmLogoUrl}
      preview={t('dailyDigest.preview', { date })}
      heading={t('dailyDigest.heading', { date })}
    >
      <EmailParagraph>{t('common.helloAdvisor', { name: props.recipientName })}</EmailParagraph>
      <EmailParagraph>{t('dailyDigest.summary', { count: sorted.length, overdueCount: overdue.length })}</EmailParagraph>
      {overdue.length > 0 ? <DigestSection t={t} locale={locale} title={t('dailyDigest.overdueHeading')} items={overdue} /> : null}
      {upcoming.length > 0 ? <DigestSection t={t} locale={locale} title={t('dailyDigest.upcomingHeading')} items={upcoming} /> : null}
      <EmailAction locale={locale} href={props.dashboardUrl} label={t('dailyDigest.action')} />
      <EmailNote>{t('common.dateCheck')}</EmailNote>
    </EmailLayout>
  );
}

const itemStyle = { color: '#27272a', fontSize: '14px', lineHeight: '22px', margin: '0 0 12px' };

function DigestSection({ t, locale, title, items }: { t: EmailTranslator; locale: AppLocale; title: string; items: DigestItem[] }) {
  return (
    <Section>
      <EmailSubheading>{title}</EmailSubheading>
      {items.map((item, index) => (
        <Text key={index} style={itemStyle}>
          <strong>{t('dailyDigest.itemDate', { dueDate: formatPlainDate(locale, item.dueOn), when: dueWhen(t, item.daysLeft) })}</strong>
          <br />
          {item.deadlineLabel}
          <br />
          <Link href={item.caseUrl}>{t('dailyDigest.itemCase', { caseReference: item.caseReference, clientName: item.clientName })}</Link>
        </Text>
      ))}
    </Section>
  );
}

DailyDigestEmail.PreviewProps = {
  locale: 'en',
  firmName: 'Peeters Immigration Law',
  recipientName: 'Sofie Peeters',
  date: '2026-12-07',
  items: [
    { clientName: 'Amina Haddad', caseReference: '2026-0001-1', deadlineKind: 'APPEAL', deadlineLabel: 'Appeal to the RvV/CCE', dueOn: '2026-12-14', daysLeft: 7, caseUrl: 'http://localhost:3000/cases/one' },
    { clientName: 'Jonas Meyer', caseReference: '2026-0007-1', deadlineKind: 'CARD_EXPIRY', deadlineLabel: 'Card expiry', dueOn: '2026-12-05', daysLeft: -2, caseUrl: 'http://localhost:3000/cases/two' },
    { clientName: 'Li Wei', caseReference: '2026-0012-2', deadlineKind: 'REGISTRATION', deadlineLabel: 'Registration at the commune', dueOn: '2026-12-07', daysLeft: 0, caseUrl: 'http://localhost:3000/cases/three' },
  ],
  dashboardUrl: 'http://localhost:3000/dashboard',
  count: 3,
  overdueCount: 1,
} satisfies DailyDigestEmailProps & { locale: AppLocale };
