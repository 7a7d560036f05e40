import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import { LegalDate } from '@/components/dates/legal-date';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/submit-button';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { isAppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { countryOptions } from '@/lib/i18n/country-options';
import { isAppealUrgent } from '@/lib/rules/inquiry-appeal';
import { ruleLabel } from '@/lib/rules/labels';
import { PROCEDURES } from '@/lib/rules/vocabulary';
import { getInquiry } from '@/lib/server/inquiry/get-inquiry';
import { clientLanguageFor, procedureForTopic } from '@/lib/server/inquiry/inquiry-schemas';
import { AppealBadge } from '../appeal-badge';
import { checkConflictsAction, updateInquiryStatusAction } from './actions';
import { ConflictResult } from './conflict-result';
import { ConvertForm } from './convert-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inquiries');
  return { title: t('heading') };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * One inquiry for staff. Every value came from the public form: React text only, never HTML; the question keeps
 * its line breaks through CSS (whitespace-pre-wrap).
 */
export default async function InquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireWorkingStaff();
  const { id } = await params;
  const inquiry = await getInquiry({ actor, inquiryId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const [t, tp, dates, locale] = await Promise.all([getTranslations('inquiries'), getTranslations('inquiries.page'), getDateFormatter(), getLocale() as Promise<AppLocale>]);
  const brussels = (instant: Date) => dates.dateTime(instant);
  const converted = inquiry.status === 'CONVERTED';
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 sm:grid-cols-3">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="sm:col-span-2">{value ?? tp('none')}</dd>
    </div>
  );
  const statusButton = (status: 'NEW' | 'CONTACTED' | 'DECLINED', label: string) => (
    <ActionForm key={status} action={updateInquiryStatusAction} fieldMessages="inquiries.fields">
      <input type="hidden" name="inquiryId" value={inquiry.id} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">{label}</button>
    </ActionForm>
  );
  const live = inquiry.booking && !inquiry.booking.cancelledAt;
  const nationality = inquiry.nationality ?? '';
  const today = brusselsDate();
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm"><Link href="/inquiries" className="text-brand-700 hover:underline">{tp('back')}</Link></p>
        <h1 className="text-2xl font-semibold">{inquiry.lastName}, {inquiry.firstName}</h1>
        <p className="text-slate-600">
          <span data-testid="inquiry-status">{t(`status.${inquiry.status}`)}</span> · {tp('received', { date: brussels(inquiry.createdAt) })}
          {inquiry.appealDueOn && inquiry.daysLeft !== null ? <> · <AppealBadge daysLeft={inquiry.daysLeft} urgent={isAppealUrgent(inquiry.appealDueOn, today)} t={t} /></> : null}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Section title={tp('sent')}>
            <dl className="space-y-2 text-sm">
              {row(tp('email'), inquiry.email)}
              {row(tp('phone'), inquiry.phone)}
              {row(tp('language'), <span className="uppercase">{inquiry.language}</span>)}
              {row(tp('nationality'), inquiry.nationality)}
              {row(tp('birthDate'), inquiry.birthDate ? dates.long(inquiry.birthDate) : null)}
              {row(tp('nationalRegisterNumber'), inquiry.nationalRegisterNumberUnreadable ? tp('numberUnreadable') : inquiry.nationalRegisterNumber)}
              {row(tp('residence'), [inquiry.residenceCommune, inquiry.residenceCountry].filter(Boolean).join(', ') || null)}
              {row(tp('topic'), t(`topic.${inquiry.topic}`))}
              {row(tp('refusalNotifiedOn'), inquiry.refusalNotifiedOn ? dates.long(inquiry.refusalNotifiedOn) : null)}
              {row(tp('appealDueOn'), inquiry.appealDueOn ? <LegalDate date={inquiry.appealDueOn} locale={locale} /> : null)}
              {row(tp('booking'), inquiry.booking ? <>{brussels(inquiry.booking.slot.startsAt)}{live ? '' : ` (${tp('bookingCancelled')})`}</> : null)}
              {row(tp('letter'), inquiry.hasLetter ? <a href={`/api/inquiries/${inquiry.id}/letter`} className="text-brand-700 underline">{tp('download', { name: inquiry.letterFileName ?? '' })}</a> : null)}
            </dl>
            <h3 className="text-sm font-medium text-slate-700">{tp('question')}</h3>
            <p data-testid="inquiry-question" className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-sm">{inquiry.question}</p>
          </Section>
          {!converted ? (
            <Section title={tp('actions')}>
              <div className="flex flex-wrap gap-2 text-sm">
                {inquiry.status === 'NEW' || inquiry.status === 'BOOKED' ? statusButton('CONTACTED', tp('markContacted')) : null}
                {inquiry.status === 'DECLINED' ? statusButton('NEW', tp('reopen')) : statusButton('DECLINED', tp('decline'))}
              </div>
            </Section>
          ) : null}
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Section title={t('conflict.heading')}>
            <p className="text-sm text-slate-600">{t('conflict.intro')}</p>
            <div className="text-sm"><ConflictResult inquiry={inquiry} /></div>
            {!converted && can(actor.role, 'inquiry.update') ? (
              <ActionForm action={checkConflictsAction} fieldMessages="inquiries.fields">
                <input type="hidden" name="inquiryId" value={inquiry.id} />
                <SubmitButton className="text-sm">{inquiry.conflictCheckedAt ? t('conflict.rerun') : t('conflict.run')}</SubmitButton>
              </ActionForm>
            ) : null}
          </Section>
          <Section title={t('convert.heading')}>
            {converted ? (
              <p className="text-sm">
                {t('convert.converted', { fileNumber: inquiry.convertedClient?.fileNumber ?? '' })}{' '}
                {inquiry.convertedClient ? <Link href={`/clients/${inquiry.convertedClient.id}`} className="text-brand-700 underline">{t('convert.openClient')}</Link> : null}
                {inquiry.convertedCase ? <> · <Link href={`/cases/${inquiry.convertedCase.id}`} className="text-brand-700 underline">{t('convert.openCase')}</Link></> : null}
              </p>
            ) : !inquiry.conflictCheckedAt ? (
              <p className="text-sm text-slate-600">{t('convert.notChecked')}</p>
            ) : can(actor.role, 'inquiry.convert') ? (
              <ConvertForm
                inquiryId={inquiry.id}
                nationality={nationality}
                countries={countryOptions(locale)}
                language={clientLanguageFor(inquiry.language)}
                procedure={procedureForTopic(inquiry.topic, inquiry.nationality) ?? ''}
                procedures={PROCEDURES.map((procedure) => ({ value: procedure, label: ruleLabel(locale, `procedure.${procedure}`) }))}
                pastConflict={inquiry.conflictOutcome === 'POSSIBLE'}
                refusalNote={inquiry.refusalNotifiedOn ? t('convert.refusalNote', { date: dates.long(inquiry.refusalNotifiedOn) }) : null}
              />
            ) : null}
          </Section>
        </div>
      </div>
    </div>
  );
}
